-- The labelled sets of bench/duplicate_quality.sh (issue 30): a TUNING set, made as the
-- labelled set of sql/39_duplicate_suggestions.sql is made (its lists, its variation
-- generators: the set the model's weights were set on), and a HELD-OUT set with another seed,
-- other lists of names, nicknames, family names and email domains, phones of other
-- countries, and variation generators the weights were not set on (typos at random
-- positions, substituted, doubled and transposed letters, "Last, First", middle initials,
-- Cyrillic, Greek and other Latin letters, other domain typos), and other hard negatives.
-- Each set is a tenant; dupq.person says whose record each customer is.
CREATE SCHEMA dupq;
CREATE TABLE dupq.person (tenant text, pid int, kind text, customer_id bigint);

-- A number in [0, 1) fixed by the seed, the row and a salt (no random(): the same set
-- whatever the plan).
CREATE FUNCTION dupq.r(seed int, i int, salt text) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$
    SELECT ('x' || left(md5(seed || ':' || i || ':' || salt), 8))::bit(32)::bigint / 4294967296.0 $$;
CREATE FUNCTION dupq.pick(items text[], seed int, i int, salt text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT items[1 + floor(dupq.r(seed, i, salt) * cardinality(items))::int] $$;
-- A position in 2 .. length (the first letter is rarely mistyped).
CREATE FUNCTION dupq.pos(t text, seed int, i int, salt text) RETURNS int LANGUAGE sql IMMUTABLE AS $$
    SELECT 2 + floor(dupq.r(seed, i, salt) * greatest(length(t) - 2, 1))::int $$;

-- Typos: a letter dropped, substituted by its keyboard neighbour, doubled; two letters swapped.
CREATE FUNCTION dupq.dropped(t text, p int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT left(t, p - 1) || substr(t, p + 1) $$;
CREATE FUNCTION dupq.substituted(t text, p int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT left(t, p - 1) || translate(substr(t, p, 1), 'qwertyuiopasdfghjklzxcvbnm', 'wertyuiopqsdfghjklaxcvbnmz') || substr(t, p + 1) $$;
CREATE FUNCTION dupq.doubled(t text, p int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT left(t, p) || substr(t, p) $$;
CREATE FUNCTION dupq.swapped_at(t text, p int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN p < length(t) AND substr(t, p, 1) <> substr(t, p + 1, 1)
                THEN left(t, p - 1) || substr(t, p + 1, 1) || substr(t, p, 1) || substr(t, p + 2)
                ELSE left(t, p) || substr(t, p + 2) END $$;   -- (two equal letters: one dropped)
-- The tuning set's typo and transposition, as sql/39 makes them: the middle letter dropped;
-- the first unequal neighbours from the 7th character swapped.
CREATE FUNCTION dupq.typo39(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT left(t, length(t) / 2) || substr(t, length(t) / 2 + 2) $$;
CREATE FUNCTION dupq.swapped39(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT overlay(t placing substr(t, i + 1, 1) || substr(t, i, 1) from i for 2)
      FROM generate_series(7, length(t) - 1) i WHERE substr(t, i, 1) <> substr(t, i + 1, 1) ORDER BY i LIMIT 1 $$;
-- The held-out set's transposition: two unequal neighbouring digits anywhere after the
-- country code swapped (from the 4th character: "+49" and the first digit stay).
CREATE FUNCTION dupq.phone_swapped(t text, seed int, i int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT overlay(t placing substr(t, j + 1, 1) || substr(t, j, 1) from j for 2)
      FROM generate_series(4, length(t) - 1) j
     WHERE substr(t, j, 1) <> substr(t, j + 1, 1) AND substr(t, j, 1) ~ '\d' AND substr(t, j + 1, 1) ~ '\d'
     ORDER BY dupq.r(seed, i * 100 + j, 'phone_swap') LIMIT 1 $$;

-- A landline number k in a country ('+49 30 |8': the prefix and how many digits follow it).
CREATE FUNCTION dupq.phone(country text, k int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT split_part(country, '|', 1)
           || (2 * 10 ^ (split_part(country, '|', 2)::int - 1))::bigint + (k::bigint * 7907) % (7 * 10 ^ (split_part(country, '|', 2)::int - 1))::bigint $$;
CREATE FUNCTION dupq.add(tenant text, pid int, kind text, name text, email text, phone text,
                         ext text DEFAULT NULL, uid text DEFAULT NULL) RETURNS void LANGUAGE sql AS $$
    WITH c AS (INSERT INTO customer_identity.customer (tenant_id, name, email, phone, external_customer_id, user_id)
               VALUES (tenant, name, email, phone, ext, uid) RETURNING id)
    INSERT INTO dupq.person SELECT tenant, pid, kind, id FROM c $$;
CREATE FUNCTION dupq.ascii(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT lower(translate(t, 'äöüßéèêëáàâãåçíìîïñóòôõøúùûýÿłńśźżčřšžěůđœæğıąęÄÖÜÉÁÅÇÍÑÓØÚŁŚŻČŘŠŽÆŒİÂÎ',
                              'aouseeeeaaaaaciiiinooooouuuyylnszzcrszeudoagiaeaoueaacinooulszcrszaoiai')) $$;

------------------------------------------------------------------------------
-- The tuning set: sql/39's lists and generators, picked by the seed
------------------------------------------------------------------------------
CREATE FUNCTION dupq.tuning_set(tenant text, seed int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    given text[] := ARRAY['Katherine', 'Robert', 'William', 'Elizabeth', 'James', 'Michael', 'Richard', 'Thomas', 'Joseph', 'Daniel',
                          'David', 'Christopher', 'Anthony', 'Stephen', 'Margaret', 'Patricia', 'Jennifer', 'Susan', 'Rebecca', 'Jessica'];
    nick text[] := ARRAY['Kate', 'Bob', 'Bill', 'Liz', 'Jim', 'Mike', 'Rick', 'Tom', 'Joe', 'Dan',
                         'Dave', 'Chris', 'Tony', 'Steve', 'Maggie', 'Patty', 'Jenny', 'Sue', 'Becky', 'Jess'];
    family text[] := ARRAY['Miller', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
                           'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Thompson', 'White',
                           'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King',
                           'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker'];
    umlaut text[] := ARRAY['Jürgen|Juergen', 'Björn|Bjoern', 'Zoë|Zoe', 'José|Jose', 'René|Rene', 'Jörg|Joerg', 'Sören|Soeren',
                           'Hélène|Helene', 'Ümit|Uemit', 'François|Francois'];
    umlaut_last text[] := ARRAY['Müller|Mueller', 'Schröder|Schroeder', 'Köhler|Koehler', 'Núñez|Nunez', 'Lefèvre|Lefevre',
                                'Günther|Guenther', 'Krüger|Krueger', 'Dubé|Dube', 'Öztürk|Oeztuerk', 'Gérard|Gerard'];
    n int; g int; f text; l text; u text; w text; ph text;
BEGIN
    FOR n IN 1 .. 25 LOOP
        -- a letter missing in the family name, the email domain mistyped, no phone
        g := 1 + floor(dupq.r(seed, n, 'g1') * 20)::int; f := given[g]; l := dupq.pick(family, seed, n, 'l1');
        PERFORM dupq.add(tenant, 1000 + n, 'typo', f || ' ' || l, lower(f) || '.' || lower(l) || n || '@gmail.com', '+1415' || (2000000 + ((1000 + n) * 7919) % 7000000));
        PERFORM dupq.add(tenant, 1000 + n, 'typo', f || ' ' || dupq.typo39(l), lower(f) || '.' || lower(l) || n || '@gmial.com', NULL);
        -- nickname, phone digits swapped, no email
        g := 1 + floor(dupq.r(seed, n, 'g2') * 20)::int; l := dupq.pick(family, seed, n, 'l2');
        ph := '+1415' || (2000000 + ((2000 + n) * 7919) % 7000000);
        PERFORM dupq.add(tenant, 2000 + n, 'nickname', given[g] || ' ' || l, lower(l) || n || '@yahoo.com', ph);
        PERFORM dupq.add(tenant, 2000 + n, 'nickname', nick[g] || ' ' || l, NULL, dupq.swapped39(ph));
        -- first and last name swapped, the same local part at another provider
        f := dupq.pick(given, seed, n, 'g3'); l := dupq.pick(family, seed, n, 'l3');
        PERFORM dupq.add(tenant, 3000 + n, 'swapped', f || ' ' || l, 'kx' || lower(left(f, 3)) || (700 + n) || '@gmail.com', NULL);
        PERFORM dupq.add(tenant, 3000 + n, 'swapped', l || ' ' || f, 'kx' || lower(left(f, 3)) || (700 + n) || '@outlook.com', '+1415' || (2000000 + ((3000 + n) * 7919) % 7000000));
        -- a middle name on one record, a letter missing in the local part
        f := dupq.pick(given, seed, n, 'g4'); l := dupq.pick(family, seed, n, 'l4');
        PERFORM dupq.add(tenant, 4000 + n, 'middle', f || ' Anne ' || l, lower(f) || lower(l) || n || '@web.example', NULL);
        PERFORM dupq.add(tenant, 4000 + n, 'middle', f || ' ' || l, lower(f) || lower(dupq.typo39(l)) || n || '@web.example', '+1415' || (2000000 + ((4000 + n) * 7919) % 7000000));
        -- ü / ue, é / e; phone digits swapped
        u := dupq.pick(umlaut, seed, n, 'u5'); w := dupq.pick(umlaut_last, seed, n, 'w5');
        ph := '+1415' || (2000000 + ((5000 + n) * 7919) % 7000000);
        PERFORM dupq.add(tenant, 5000 + n, 'transliteration', split_part(u, '|', 1) || ' ' || split_part(w, '|', 1), NULL, ph);
        PERFORM dupq.add(tenant, 5000 + n, 'transliteration', split_part(u, '|', 2) || ' ' || split_part(w, '|', 2), 'u' || n || '@mail.example', dupq.swapped39(ph));
        -- the issue's example: nickname and a typo, a work email, phone digits swapped
        g := 1 + floor(dupq.r(seed, n, 'g6') * 20)::int; l := dupq.pick(family, seed, n, 'l6');
        ph := '+1415' || (2000000 + ((6000 + n) * 7919) % 7000000);
        PERFORM dupq.add(tenant, 6000 + n, 'nickname_typo', given[g] || ' ' || l, lower(given[g]) || '.' || lower(l) || n || '@gmail.com', ph);
        PERFORM dupq.add(tenant, 6000 + n, 'nickname_typo', nick[g] || ' ' || dupq.typo39(l), lower(left(given[g], 1)) || lower(l) || n || '@work.example', dupq.swapped39(ph));
        -- identifiers on one side only, the email's domain mistyped
        f := dupq.pick(given, seed, n, 'g7'); l := dupq.pick(family, seed, n, 'l7');
        PERFORM dupq.add(tenant, 7000 + n, 'one_side_ids', f || ' ' || l, 'shopper' || n || '@hotmail.com', NULL, 'ext-' || n, NULL);
        PERFORM dupq.add(tenant, 7000 + n, 'one_side_ids', f || ' ' || l, 'shopper' || n || '@hotmial.com', '+1415' || (2000000 + ((7000 + n) * 7919) % 7000000), NULL, 'user-' || n);
    END LOOP;
    -- Hard negatives: namesakes, households (given names a letter apart at one family domain,
    -- the landline on one record), fathers and sons ("Jr.", the father's phone transposed).
    FOR n IN 1 .. 25 LOOP
        f := dupq.pick(given, seed, n, 'ns'); l := dupq.pick(family, seed, n, 'ns');
        PERFORM dupq.add(tenant, 11000 + 2 * n, 'namesake', f || ' ' || l, lower(f) || '.' || lower(l) || n || '@icloud.com', '+1415' || (2000000 + ((11000 + 2 * n) * 7919) % 7000000));
        PERFORM dupq.add(tenant, 11001 + 2 * n, 'namesake', f || ' ' || l, lower(f) || '.' || lower(l) || n || '@proton.me', '+1415' || (2000000 + ((11001 + 2 * n) * 7919) % 7000000));
        u := (ARRAY['Anna|Anne', 'Dana|Dina', 'Jan|Jon', 'Mila|Mia', 'Carl|Carla'])[1 + n % 5]; l := dupq.pick(family, seed, n, 'hh');
        PERFORM dupq.add(tenant, 12000 + 2 * n, 'household', split_part(u, '|', 1) || ' ' || l, lower(split_part(u, '|', 1)) || '.' || lower(l) || '@' || lower(l) || n || '-family.example', '+1415' || (2000000 + ((12000 + 2 * n) * 7919) % 7000000));
        PERFORM dupq.add(tenant, 12001 + 2 * n, 'household', split_part(u, '|', 2) || ' ' || l, lower(split_part(u, '|', 2)) || '.' || lower(l) || '@' || lower(l) || n || '-family.example', NULL);
        f := dupq.pick(given, seed, n, 'jr'); l := dupq.pick(family, seed, n, 'jr');
        ph := '+1415' || (2000000 + ((13000 + 2 * n) * 7919) % 7000000);
        PERFORM dupq.add(tenant, 13000 + 2 * n, 'junior', f || ' ' || l, lower(f) || '.' || lower(l) || n || '@family.example', ph);
        PERFORM dupq.add(tenant, 13001 + 2 * n, 'junior', f || ' ' || l || ' Jr.', lower(f) || '.' || lower(l) || n || '.jr@family.example', dupq.swapped39(ph));
    END LOOP;
    FOR n IN 1 .. 5 LOOP
        PERFORM dupq.add(tenant, 10000 + 2 * n, 'namesake', 'John Smith', 'john.smith@' || (ARRAY['gmail.com', 'yahoo.com', 'outlook.com', 'aol.com', 'gmx.de'])[n], '+1415' || (2000000 + ((10000 + 2 * n) * 7919) % 7000000));
        PERFORM dupq.add(tenant, 10001 + 2 * n, 'namesake', 'John Smith', 'johnsmith' || (n + 1) || '@' || (ARRAY['web.de', 'icloud.com', 'proton.me'])[1 + n % 3], '+1415' || (2000000 + ((10001 + 2 * n) * 7919) % 7000000));
    END LOOP;
    FOR n IN 1 .. 300 LOOP
        f := dupq.pick(given, seed, n, 'single'); l := dupq.pick(family, seed, n, 'single_l');
        PERFORM dupq.add(tenant, 20000 + n, 'single', f || ' ' || l, lower(f) || (n * 37) || '@example.org', '+1415' || (2000000 + ((20000 + n) * 7919) % 7000000));
    END LOOP;
END $$;

------------------------------------------------------------------------------
-- The held-out set: other lists, other generators, other hard negatives
------------------------------------------------------------------------------
CREATE FUNCTION dupq.heldout_set(tenant text, seed int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    -- given names and the short forms people use: some in the model's nickname table, some not
    given text[] := ARRAY['Alexander', 'Nicholas', 'Benjamin', 'Samuel', 'Edward', 'Andrew', 'Matthew', 'Gregory', 'Jeffrey', 'Lawrence',
                          'Deborah', 'Victoria', 'Abigail', 'Amanda', 'Frederick', 'Harold', 'Charles', 'Ronald', 'Kenneth', 'Timothy',
                          'Theodore', 'Penelope', 'Jacqueline', 'Eleanor', 'Nathaniel', 'Zachary', 'Gabriel', 'Josephine', 'Isabella', 'Alfred'];
    nick text[] := ARRAY['Alex', 'Nick', 'Ben', 'Sam', 'Eddie', 'Andy', 'Matt', 'Greg', 'Jeff', 'Larry',
                         'Debbie', 'Vicky', 'Abby', 'Mandy', 'Fred', 'Harry', 'Charlie', 'Ron', 'Ken', 'Tim',
                         'Theo', 'Penny', 'Jackie', 'Ellie', 'Nate', 'Zach', 'Gabe', 'Josie', 'Bella', 'Alfie'];
    family text[] := ARRAY['Schmidt', 'Fischer', 'Weber', 'Wagner', 'Becker', 'Hoffmann', 'Richter', 'Zimmermann', 'Hartmann', 'Krause',
                           'Kowalski', 'Nowak', 'Dubois', 'Lefebvre', 'Moreau', 'Rossi', 'Bianchi', 'Ferrari', 'Silva', 'Santos',
                           'Jensen', 'Nielsen', 'Hansen', 'Andersson', 'Johansson', 'Virtanen', 'Korhonen', 'Horvat', 'Novak', 'Popescu',
                           'O''Connor', 'Fitzgerald', 'Gallagher', 'Sullivan', 'McCarthy', 'Patel', 'Shah', 'Kapoor', 'Tanaka', 'Yamamoto',
                           'Kim', 'Park', 'Chen', 'Wang', 'Okafor', 'Mensah', 'Haddad', 'Karimi', 'Cohen', 'Levy'];
    domains text[] := ARRAY['gmx.de', 'web.de', 't-online.de', 'orange.fr', 'libero.it', 'icloud.com', 'protonmail.com', 'mail.ru', 'yandex.ru', 'seznam.cz'];
    domain_typos text[] := ARRAY['gmx.de|gmx.dr', 'web.de|wbe.de', 't-online.de|t-onlin.de', 'orange.fr|oragne.fr', 'libero.it|libreo.it',
                                 'icloud.com|icoud.com', 'protonmail.com|protonmial.com', 'yandex.ru|yandx.ru', 'seznam.cz|sezam.cz', 'gmail.com|gmail.con'];
    -- landlines of capitals: the area code and how many digits follow it
    countries text[] := ARRAY['+49 30 |8', '+44 20 |8', '+33 1 |8', '+39 06 |8', '+34 91 |7', '+31 20 |7', '+46 8 |7', '+48 22 |7'];
    scripts text[] := ARRAY['Сергей Иванов|Sergey Ivanov', 'Дмитрий Смирнов|Dmitry Smirnov', 'Наталья Кузнецова|Natalya Kuznetsova',
                            'Алексей Попов|Alexey Popov', 'Екатерина Соколова|Ekaterina Sokolova', 'Андрей Лебедев|Andrey Lebedev',
                            'Ольга Новикова|Olga Novikova', 'Михаил Морозов|Mikhail Morozov', 'Татьяна Волкова|Tatiana Volkova',
                            'Юлия Павлова|Yulia Pavlova', 'Γιώργος Παπαδόπουλος|Giorgos Papadopoulos', 'Μαρία Παπαδοπούλου|Maria Papadopoulou',
                            'Νίκος Γεωργίου|Nikos Georgiou', 'Ελένη Οικονόμου|Eleni Oikonomou', 'Δημήτρης Νικολάου|Dimitris Nikolaou',
                            'Łukasz Wiśniewski|Lukasz Wisniewski', 'Søren Jørgensen|Soren Jorgensen', 'Bjørn Ødegård|Bjorn Odegaard',
                            'Małgorzata Wójcik|Malgorzata Wojcik', 'Jiří Dvořák|Jiri Dvorak', 'Zoë Lefèvre|Zoe Lefevre',
                            'Íñigo Muñoz|Inigo Munoz', 'Çağla Yılmaz|Cagla Yilmaz', 'Ângela Conceição|Angela Conceicao', 'Åsa Lindström|Asa Lindstrom'];
    n int; g int; f text; l text; m text; d text; ph text; lo text; s text;
BEGIN
    FOR n IN 1 .. 25 LOOP
        -- a letter of the GIVEN name substituted (keyboard neighbour) at a random place; the
        -- domain mistyped another way; no phone on the second record
        f := dupq.pick(given, seed, n, 'g1'); l := dupq.pick(family, seed, n, 'l1'); d := dupq.pick(domain_typos, seed, n, 'd1');
        lo := dupq.ascii(left(f, 1) || l) || (10 + n);
        PERFORM dupq.add(tenant, 1000 + n, 'typo_substituted', f || ' ' || l, lo || '@' || split_part(d, '|', 1), dupq.phone(dupq.pick(countries, seed, n, 'c1'), 1000 + n));
        PERFORM dupq.add(tenant, 1000 + n, 'typo_substituted', dupq.substituted(f, dupq.pos(f, seed, n, 'p1')) || ' ' || l, lo || '@' || split_part(d, '|', 2), NULL);
        -- a short form (some the model's table lacks), phone digits swapped anywhere, no email
        g := 1 + floor(dupq.r(seed, n, 'g2') * 30)::int; l := dupq.pick(family, seed, n, 'l2');
        ph := dupq.phone(dupq.pick(countries, seed, n, 'c2'), 2000 + n);
        PERFORM dupq.add(tenant, 2000 + n, 'short_form', given[g] || ' ' || l, dupq.ascii(given[g] || '_' || l) || n || '@' || dupq.pick(domains, seed, n, 'd2'), ph);
        PERFORM dupq.add(tenant, 2000 + n, 'short_form', nick[g] || ' ' || l, NULL, dupq.phone_swapped(ph, seed, n));
        -- "Last, First", the same local part at another provider, a phone on one record
        f := dupq.pick(given, seed, n, 'g3'); l := dupq.pick(family, seed, n, 'l3');
        lo := dupq.ascii(f) || dupq.ascii(left(l, 1)) || (1950 + n);
        PERFORM dupq.add(tenant, 3000 + n, 'last_comma_first', f || ' ' || l, lo || '@' || dupq.pick(domains, seed, n, 'd3a'), NULL);
        PERFORM dupq.add(tenant, 3000 + n, 'last_comma_first', l || ', ' || f, lo || '@gmail.com', dupq.phone(dupq.pick(countries, seed, n, 'c3'), 3000 + n));
        -- a middle initial on one record, a +tag and dots in the other's address, two letters
        -- of the family name swapped
        f := dupq.pick(given, seed, n, 'g4'); l := dupq.pick(family, seed, n, 'l4'); m := dupq.pick(ARRAY['J.', 'M.', 'A.', 'R.', 'K.'], seed, n, 'm4');
        d := dupq.pick(domains, seed, n, 'd4');
        PERFORM dupq.add(tenant, 4000 + n, 'middle_initial', f || ' ' || m || ' ' || l, dupq.ascii(f || l) || n || '@' || d, NULL);
        PERFORM dupq.add(tenant, 4000 + n, 'middle_initial', f || ' ' || dupq.swapped_at(l, dupq.pos(l, seed, n, 'p4')), dupq.ascii(f || '.' || l) || n || '+shop@' || d,
                         dupq.phone(dupq.pick(countries, seed, n, 'c4'), 4000 + n));
        -- Cyrillic, Greek and other Latin letters on one record, as written in ASCII on the
        -- other; phone digits swapped
        s := scripts[1 + (n - 1) % 25];
        ph := dupq.phone(dupq.pick(countries, seed, n, 'c5'), 5000 + n);
        PERFORM dupq.add(tenant, 5000 + n, 'other_scripts', split_part(s, '|', 1), NULL, ph);
        PERFORM dupq.add(tenant, 5000 + n, 'other_scripts', split_part(s, '|', 2), replace(dupq.ascii(split_part(s, '|', 2)), ' ', '.') || n || '@' || dupq.pick(domains, seed, n, 'd5'), dupq.phone_swapped(ph, seed, n));
        -- typed by staff: a short form and a letter doubled in the family name, a work email,
        -- phone digits swapped
        g := 1 + floor(dupq.r(seed, n, 'g6') * 30)::int; l := dupq.pick(family, seed, n, 'l6');
        ph := dupq.phone(dupq.pick(countries, seed, n, 'c6'), 6000 + n);
        PERFORM dupq.add(tenant, 6000 + n, 'staff_typed', given[g] || ' ' || l, dupq.ascii(given[g] || '.' || l) || n || '@' || dupq.pick(domains, seed, n, 'd6'), ph);
        PERFORM dupq.add(tenant, 6000 + n, 'staff_typed', nick[g] || ' ' || dupq.doubled(l, dupq.pos(l, seed, n, 'p6')), dupq.ascii(left(given[g], 1) || l) || '@acme-corp' || n || '.example', dupq.phone_swapped(ph, seed, n));
        -- identifiers on one side only; a letter doubled in the local part at the same domain
        f := dupq.pick(given, seed, n, 'g7'); l := dupq.pick(family, seed, n, 'l7'); d := dupq.pick(domains, seed, n, 'd7');
        lo := dupq.ascii(l) || dupq.ascii(left(f, 2)) || (n * 3);
        PERFORM dupq.add(tenant, 7000 + n, 'one_side_ids_local_typo', f || ' ' || l, lo || '@' || d, NULL, 'cus_' || md5(n::text), NULL);
        PERFORM dupq.add(tenant, 7000 + n, 'one_side_ids_local_typo', f || ' ' || l, dupq.doubled(lo, dupq.pos(lo, seed, n, 'p7')) || '@' || d,
                         dupq.phone(dupq.pick(countries, seed, n, 'c7'), 7000 + n), NULL, 'u-' || n);
    END LOOP;
    -- Hard negatives of other shapes.
    FOR n IN 1 .. 25 LOOP
        -- namesakes: a common name, the same local part (the name, with and without a dot) at two
        -- providers, other phones
        s := (ARRAY['Maria Garcia', 'Wei Zhang', 'Mohammed Ali', 'Anna Schmidt', 'Jan Kowalski', 'Michael Jensen', 'Laura Rossi', 'David Cohen'])[1 + n % 8];
        PERFORM dupq.add(tenant, 11000 + 2 * n, 'namesake', s, replace(dupq.ascii(s), ' ', '.') || '@' || domains[1 + (n / 8) % 10], dupq.phone(dupq.pick(countries, seed, n, 'nc1'), 11000 + 2 * n));
        PERFORM dupq.add(tenant, 11001 + 2 * n, 'namesake', s, replace(dupq.ascii(s), ' ', '') || '@' || domains[1 + (n / 8 + 1) % 10], dupq.phone(dupq.pick(countries, seed, n, 'nc2'), 11001 + 2 * n));
        -- households: given names a letter or two apart (Paul / Paula), one family domain, the
        -- landline (one digit apart: the other line of the house) on both
        s := (ARRAY['Paul|Paula', 'Eric|Erica', 'Daniel|Daniela', 'Lena|Lina', 'Tim|Tom', 'Ole|Ola', 'Louis|Louise', 'Kristian|Kristina'])[1 + n % 8];
        l := dupq.pick(family, seed, n, 'hh'); d := dupq.ascii(replace(l, '''', '')) || n || '.family.example';
        ph := dupq.phone(dupq.pick(countries, seed, n, 'hc'), 12000 + 2 * n);
        PERFORM dupq.add(tenant, 12000 + 2 * n, 'household', split_part(s, '|', 1) || ' ' || l, dupq.ascii(split_part(s, '|', 1)) || '@' || d, ph);
        PERFORM dupq.add(tenant, 12001 + 2 * n, 'household', split_part(s, '|', 2) || ' ' || l, dupq.ascii(split_part(s, '|', 2)) || '@' || d,
                         left(ph, length(ph) - 1) || ((right(ph, 1)::int + 1) % 10));
        -- father and son: "Sr." and "Jr.", or "II"; one family domain; the son's phone the
        -- father's with two digits swapped
        f := dupq.pick(given, seed, n, 'jr'); l := dupq.pick(family, seed, n, 'jr');
        ph := dupq.phone(dupq.pick(countries, seed, n, 'jc'), 13000 + 2 * n);
        PERFORM dupq.add(tenant, 13000 + 2 * n, 'junior', f || ' ' || l || CASE WHEN n % 2 = 0 THEN ' Sr.' ELSE '' END,
                         dupq.ascii(left(f, 1) || l) || '@' || dupq.ascii(replace(l, '''', '')) || n || '.example', ph);
        PERFORM dupq.add(tenant, 13001 + 2 * n, 'junior', f || ' ' || l || CASE WHEN n % 2 = 0 THEN ' Jr.' ELSE ' II' END,
                         dupq.ascii(left(f, 1) || l) || '2@' || dupq.ascii(replace(l, '''', '')) || n || '.example', dupq.phone_swapped(ph, seed, n));
        -- twins: one family name, one birth year in the address, other given names
        s := (ARRAY['Anna|Hanna', 'Mark|Marek', 'Jonas|Julius', 'Emma|Ella', 'Max|Moritz'])[1 + n % 5];
        l := dupq.pick(family, seed, n, 'tw');
        PERFORM dupq.add(tenant, 14000 + 2 * n, 'twins', split_part(s, '|', 1) || ' ' || l, dupq.ascii(split_part(s, '|', 1) || l) || (1970 + n) || '@gmail.com', NULL);
        PERFORM dupq.add(tenant, 14001 + 2 * n, 'twins', split_part(s, '|', 2) || ' ' || l, dupq.ascii(split_part(s, '|', 2) || l) || (1970 + n) || '@gmail.com',
                         dupq.phone(dupq.pick(countries, seed, n, 'tc'), 14000 + 2 * n));
    END LOOP;
    FOR n IN 1 .. 400 LOOP
        f := dupq.pick(given, seed, n, 'single'); l := dupq.pick(family, seed, n, 'single_l');
        PERFORM dupq.add(tenant, 20000 + n, 'single', f || ' ' || l, dupq.ascii(left(f, 1) || l) || (n * 41) || '@' || dupq.pick(domains, seed, n, 'sd'),
                         dupq.phone(dupq.pick(countries, seed, n, 'sc'), 20000 + n));
    END LOOP;
END $$;

------------------------------------------------------------------------------
-- The check set: written after the model was changed on the held-out set's first run, with
-- lists and generators neither the weights nor those changes saw
------------------------------------------------------------------------------
CREATE FUNCTION dupq.check_set(tenant text, seed int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    -- given names with a short form (some in the nickname table, some not, some prefixes)
    given text[] := ARRAY['Francisco', 'Manuel', 'Friedrich', 'Ulrich', 'Wolfgang', 'Ludwig', 'Patricia', 'Susan', 'Rebecca', 'Margaret',
                          'Jonathan', 'Benedict', 'Maximilian', 'Valentina', 'Dominik', 'Cornelia', 'Sebastian', 'Katarzyna', 'Magdalena', 'Oleksandr'];
    nick text[] := ARRAY['Paco', 'Manny', 'Fritz', 'Uli', 'Wolf', 'Lutz', 'Trish', 'Susie', 'Becca', 'Meg',
                         'Jon', 'Ben', 'Max', 'Vale', 'Dom', 'Conny', 'Basti', 'Kasia', 'Magda', 'Sasha'];
    family text[] := ARRAY['Almeida', 'Barbosa', 'Castillo', 'Delgado', 'Esposito', 'Fontaine', 'Girard', 'Halvorsen', 'Ibrahim', 'Jovanovic',
                           'Kaczmarek', 'Lindqvist', 'Marchetti', 'Nakamura', 'Oyelaran', 'Pereira', 'Quintero', 'Rasmussen', 'Szabo', 'Takahashi',
                           'Underwood', 'Vasquez', 'Whitfield', 'Xavier', 'Yildirim', 'Zielinski', 'Brennan', 'Carvalho', 'Donnelly', 'Eriksen'];
    domains text[] := ARRAY['aol.com', 'gmx.net', 'free.fr', 'virgilio.it', 'wp.pl', 'hotmail.de', 'me.com', 'bluewin.ch', 'tiscali.it', 'online.no'];
    countries text[] := ARRAY['+41 44 |7', '+43 1 |7', '+45 |8', '+47 |8', '+351 21 |7', '+353 1 |7', '+32 2 |7', '+420 2 |8'];
    n int; g int; f text; l text; d text; ph text; lo text; s text;
BEGIN
    FOR n IN 1 .. 20 LOOP
        -- only an initial for the given name on one record; phone digits swapped; no email there
        f := dupq.pick(given, seed, n, 'g1'); l := dupq.pick(family, seed, n, 'l1');
        ph := dupq.phone(dupq.pick(countries, seed, n, 'c1'), 1000 + n);
        PERFORM dupq.add(tenant, 1000 + n, 'initial', f || ' ' || l, dupq.ascii(f || '.' || l) || n || '@' || dupq.pick(domains, seed, n, 'd1'), ph);
        PERFORM dupq.add(tenant, 1000 + n, 'initial', left(f, 1) || '. ' || l, NULL, dupq.phone_swapped(ph, seed, n));
        -- a title and the family name in capitals on one record; the same address but for a
        -- letter dropped in the local part; no phone there
        f := dupq.pick(given, seed, n, 'g2'); l := dupq.pick(family, seed, n, 'l2'); d := dupq.pick(domains, seed, n, 'd2');
        lo := dupq.ascii(l || left(f, 1)) || (40 + n);
        PERFORM dupq.add(tenant, 2000 + n, 'title_caps', f || ' ' || l, lo || '@' || d, dupq.phone(dupq.pick(countries, seed, n, 'c2'), 2000 + n));
        PERFORM dupq.add(tenant, 2000 + n, 'title_caps', dupq.pick(ARRAY['Dr.', 'Mr.', 'Mrs.', 'Ms.', 'Prof.'], seed, n, 't2') || ' ' || f || ' ' || upper(l),
                         dupq.dropped(lo, dupq.pos(lo, seed, n, 'p2')) || '@' || d, NULL);
        -- a short form (some known, some not) and the same local part at another provider
        g := 1 + floor(dupq.r(seed, n, 'g3') * 20)::int; l := dupq.pick(family, seed, n, 'l3');
        lo := dupq.ascii(left(given[g], 3) || l) || (70 + n);
        PERFORM dupq.add(tenant, 3000 + n, 'short_form_email', given[g] || ' ' || l, lo || '@' || dupq.pick(domains, seed, n, 'd3'), NULL);
        PERFORM dupq.add(tenant, 3000 + n, 'short_form_email', nick[g] || ' ' || l, lo || '@gmail.com', dupq.phone(dupq.pick(countries, seed, n, 'c3'), 3000 + n));
        -- one letter of the family name replaced by one that sounds alike (c/k, s/z, i/y,
        -- f/ph), the phone the same number written with its trunk prefix on one record
        f := dupq.pick(given, seed, n, 'g4'); l := dupq.pick(family, seed, n, 'l4');
        ph := dupq.phone(dupq.pick(countries, seed, n, 'c4'), 4000 + n);
        PERFORM dupq.add(tenant, 4000 + n, 'sounds_alike', f || ' ' || l, dupq.ascii(f) || (500 + n) || '@' || dupq.pick(domains, seed, n, 'd4'), ph);
        PERFORM dupq.add(tenant, 4000 + n, 'sounds_alike', f || ' ' || regexp_replace(regexp_replace(regexp_replace(l, 'c', 'k'), 'z', 's'), 'i', 'y'),
                         NULL, dupq.phone_swapped(ph, seed, n + 50));
        -- the family name first with a comma, a middle name on the other; the address at the
        -- same domain with a number added
        f := dupq.pick(given, seed, n, 'g5'); l := dupq.pick(family, seed, n, 'l5'); d := dupq.pick(domains, seed, n, 'd5');
        lo := dupq.ascii(f || '_' || l) || n;
        PERFORM dupq.add(tenant, 5000 + n, 'comma_middle', l || ', ' || f, lo || '@' || d, NULL);
        PERFORM dupq.add(tenant, 5000 + n, 'comma_middle', f || ' ' || dupq.pick(ARRAY['Maria', 'Josef', 'Anna', 'Karl'], seed, n, 'm5') || ' ' || l,
                         lo || '_' || (80 + n) || '@' || d, dupq.phone(dupq.pick(countries, seed, n, 'c5'), 5000 + n));
        -- a double-barrelled family name on one record, its first part on the other; phone
        -- digits swapped
        f := dupq.pick(given, seed, n, 'g6'); l := dupq.pick(family, seed, n, 'l6'); s := dupq.pick(family, seed, n, 'l6b');
        ph := dupq.phone(dupq.pick(countries, seed, n, 'c6'), 6000 + n);
        PERFORM dupq.add(tenant, 6000 + n, 'double_barrelled', f || ' ' || l || '-' || s, dupq.ascii(f) || n || '@' || dupq.pick(domains, seed, n, 'd6'), ph);
        PERFORM dupq.add(tenant, 6000 + n, 'double_barrelled', f || ' ' || l, NULL, dupq.phone_swapped(ph, seed, n + 90));
    END LOOP;
    FOR n IN 1 .. 20 LOOP
        -- spouses: one family name and family domain, one landline (on one record), given
        -- names unlike each other
        s := (ARRAY['Manuel|Patricia', 'Ulrich|Cornelia', 'Jonathan|Rebecca', 'Sebastian|Magdalena', 'Dominik|Valentina'])[1 + n % 5];
        l := dupq.pick(family, seed, n, 'sp'); d := dupq.ascii(l) || n || '.example';
        PERFORM dupq.add(tenant, 11000 + 2 * n, 'spouses', split_part(s, '|', 1) || ' ' || l, dupq.ascii(split_part(s, '|', 1)) || '@' || d, dupq.phone(dupq.pick(countries, seed, n, 'spc'), 11000 + 2 * n));
        PERFORM dupq.add(tenant, 11001 + 2 * n, 'spouses', split_part(s, '|', 2) || ' ' || l, dupq.ascii(split_part(s, '|', 2)) || '@' || d, NULL);
        -- namesakes: the same given and family name, addresses of the same shape at two
        -- providers (given.family + their own birth years)
        f := dupq.pick(given, seed, n, 'ns'); l := dupq.pick(family, seed, n, 'ns');
        PERFORM dupq.add(tenant, 12000 + 2 * n, 'namesake', f || ' ' || l, dupq.ascii(f || '.' || l) || (1940 + n) || '@' || dupq.pick(domains, seed, n, 'ns1'), dupq.phone(dupq.pick(countries, seed, n, 'nc1'), 12000 + 2 * n));
        PERFORM dupq.add(tenant, 12001 + 2 * n, 'namesake', f || ' ' || l, dupq.ascii(f || '.' || l) || (1990 - n) || '@' || dupq.pick(domains, seed, n, 'ns2'), dupq.phone(dupq.pick(countries, seed, n, 'nc2'), 12001 + 2 * n));
        -- father and son with "Sr." / "Jr." on both, a shared family address with the
        -- generation in it, the son's mobile one digit from the father's
        f := dupq.pick(given, seed, n, 'jr'); l := dupq.pick(family, seed, n, 'jr'); ph := dupq.phone(dupq.pick(countries, seed, n, 'jc'), 13000 + 2 * n);
        PERFORM dupq.add(tenant, 13000 + 2 * n, 'junior', f || ' ' || l || ' Sr.', dupq.ascii(f || l) || n || '.sr@' || dupq.pick(domains, seed, n, 'jd'), ph);
        PERFORM dupq.add(tenant, 13001 + 2 * n, 'junior', f || ' ' || l || ' Jr.', dupq.ascii(f || l) || n || '.jr@' || dupq.pick(domains, seed, n, 'jd'),
                         left(ph, length(ph) - 1) || ((right(ph, 1)::int + 3) % 10));
    END LOOP;
    FOR n IN 1 .. 300 LOOP
        f := dupq.pick(given, seed, n, 'single'); l := dupq.pick(family, seed, n, 'single_l');
        PERFORM dupq.add(tenant, 20000 + n, 'single', f || ' ' || l, dupq.ascii(l || f) || (n * 43) || '@' || dupq.pick(domains, seed, n, 'sd'),
                         dupq.phone(dupq.pick(countries, seed, n, 'sc'), 20000 + n));
    END LOOP;
END $$;

------------------------------------------------------------------------------
-- Evaluation
------------------------------------------------------------------------------
-- The truth: pairs of records of one person.
CREATE VIEW dupq.truth AS
SELECT a.tenant, LEAST(a.customer_id, b.customer_id) AS a, GREATEST(a.customer_id, b.customer_id) AS b, a.kind
  FROM dupq.person a JOIN dupq.person b ON a.tenant = b.tenant AND a.pid = b.pid AND a.customer_id < b.customer_id;
-- Pairs a method suggested (method, tenant, a < b).
CREATE TABLE dupq.suggested (method text, tenant text, a bigint, b bigint, score real, evidence jsonb);

-- Every pair of the tenant's records with what the afternoon's baseline looks at: trigram
-- similarity of the lower-cased names, Levenshtein distance of the email local parts and of
-- the phones (NULL where one is missing).  Pairs no rule of the grid could suggest are left
-- out (names less than 0.2 alike and nothing near in the contact data).
CREATE TABLE dupq.baseline_pair AS
SELECT ''::text AS tenant, 0::bigint AS a, 0::bigint AS b, 0::real AS name_sim, 0 AS local_lev, 0 AS phone_lev, false AS truth
 WHERE false;
CREATE FUNCTION dupq.baseline_pairs(tenant text) RETURNS void LANGUAGE sql AS $$
    INSERT INTO dupq.baseline_pair
    SELECT * FROM (
        SELECT tenant, x.id, y.id, similarity(lower(x.name), lower(y.name)),
               levenshtein(split_part(x.email_normalized, '@', 1), split_part(y.email_normalized, '@', 1)),
               levenshtein(x.phone_normalized, y.phone_normalized),
               EXISTS (SELECT FROM dupq.truth t WHERE t.tenant = baseline_pairs.tenant AND t.a = x.id AND t.b = y.id)
          FROM customer_identity.customer x JOIN customer_identity.customer y ON x.tenant_id = y.tenant_id AND x.id < y.id
         WHERE x.tenant_id = baseline_pairs.tenant) p(tenant, a, b, name_sim, local_lev, phone_lev, truth)
     WHERE p.name_sim >= 0.2 OR p.local_lev <= 3 OR p.phone_lev <= 3 $$;

-- The grid a team would search in a quarter of an hour: rule "and" — names at least t alike
-- and (the local parts at most e edits apart or the phones at most p); rule "sum" — name
-- similarity plus a bonus for a near local part (at most 1 edit) and for a near phone (at
-- most 2), at least a threshold.
CREATE VIEW dupq.baseline_grid AS
SELECT 'and'::text AS rule, t::real AS t, e, p, NULL::real AS wl, NULL::real AS wp
  FROM generate_series(0.20, 0.95, 0.05) t, generate_series(-1, 3) e, generate_series(-1, 3) p
UNION ALL
SELECT 'sum', t::real, NULL, NULL, wl::real, wp::real
  FROM generate_series(0.40, 1.60, 0.05) t, generate_series(0, 0.8, 0.1) wl, generate_series(0, 0.8, 0.1) wp;
CREATE FUNCTION dupq.baseline_hit(g dupq.baseline_grid, bp dupq.baseline_pair) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE g.rule
        WHEN 'and' THEN bp.name_sim >= g.t AND (COALESCE(bp.local_lev <= g.e, false) OR COALESCE(bp.phone_lev <= g.p, false))
        ELSE bp.name_sim + CASE WHEN bp.local_lev <= 1 THEN g.wl ELSE 0 END + CASE WHEN bp.phone_lev <= 2 THEN g.wp ELSE 0 END >= g.t END $$;
-- Precision, recall, F1 of every grid point on a tenant.
CREATE FUNCTION dupq.baseline_scores(tenant text)
    RETURNS TABLE (rule text, t real, e int, p int, wl real, wp real, tp bigint, fp bigint, total bigint, "precision" numeric, recall numeric, f1 numeric)
    LANGUAGE sql AS $$
    WITH total AS (SELECT count(*) AS n FROM dupq.truth t WHERE t.tenant = baseline_scores.tenant),
    counted AS (
        SELECT g.rule, g.t, g.e, g.p, g.wl, g.wp,
               count(*) FILTER (WHERE bp.truth AND dupq.baseline_hit(g, bp)) AS tp,
               count(*) FILTER (WHERE NOT bp.truth AND dupq.baseline_hit(g, bp)) AS fp
          FROM dupq.baseline_grid g CROSS JOIN dupq.baseline_pair bp
         WHERE bp.tenant = baseline_scores.tenant
         GROUP BY 1, 2, 3, 4, 5, 6)
    SELECT c.*, total.n, round(c.tp::numeric / NULLIF(c.tp + c.fp, 0), 3), round(c.tp::numeric / total.n, 3),
           round(2 * c.tp::numeric / NULLIF(c.tp + c.fp + total.n, 0), 3)
      FROM counted c, total $$;

-- Figures of a method's suggestions on a tenant.
CREATE FUNCTION dupq.figures(method text, tenant text, OUT suggested bigint, OUT correct bigint, OUT total bigint,
                             OUT "precision" numeric, OUT recall numeric, OUT f1 numeric, OUT hard_negative_pairs bigint) LANGUAGE sql AS $$
    WITH s AS (SELECT * FROM dupq.suggested s WHERE s.method = figures.method AND s.tenant = figures.tenant),
    c AS (SELECT count(*) AS suggested, count(t.a) AS correct FROM s LEFT JOIN dupq.truth t ON t.tenant = s.tenant AND t.a = s.a AND t.b = s.b),
    n AS (SELECT count(*) AS total FROM dupq.truth t WHERE t.tenant = figures.tenant),
    h AS (SELECT count(*) AS hard FROM s JOIN dupq.person pa ON pa.tenant = s.tenant AND pa.customer_id = s.a
                                      JOIN dupq.person pb ON pb.tenant = s.tenant AND pb.customer_id = s.b
           WHERE pa.pid <> pb.pid AND pa.kind IN ('namesake', 'household', 'junior', 'twins', 'spouses') AND pa.kind = pb.kind)
    SELECT c.suggested, c.correct, n.total, round(c.correct::numeric / NULLIF(c.suggested, 0), 3), round(c.correct::numeric / n.total, 3),
           round(2 * c.correct::numeric / NULLIF(c.suggested + n.total, 0), 3), h.hard
      FROM c, n, h $$;
