'use strict';
// Command line: node src/main.js checkout <user_id> [email]
//               node src/main.js webhook <external_customer_id> <email>
//               node src/main.js register <name> <email> <invite_token>
const { createAppPool, checkout, paymentWebhook, registerWithInvite } = require('./stories');
const { CustomerIdentityError } = require('./errors');

// Runs one story named on the command line and prints its result as JSON.
async function main([story, a, b, c]) {
  const pool = createAppPool();
  try {
    const run = {
      checkout: () => checkout(pool, { userId: a, email: b }),
      webhook: () => paymentWebhook(pool, { externalCustomerId: a, email: b }),
      register: () => registerWithInvite(pool, { name: a, email: b, inviteToken: c }),
    }[story];
    if (!run) throw new Error('usage: main.js checkout|webhook|register ...');
    console.log(JSON.stringify(await run()));
  } catch (err) {
    if (!(err instanceof CustomerIdentityError)) throw err;
    console.error(`${err.name} ${err.code}: ${err.message}${err.detail ? ` (${err.detail})` : ''}`);
    process.exitCode = 1;
  } finally {
    await pool.end();
  }
}

main(process.argv.slice(2));
