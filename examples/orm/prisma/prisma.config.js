// Prisma CLI configuration: the schema, and the JavaScript engine with the pg driver adapter
// (no native engine binary is needed, none is downloaded).
const path = require('node:path');
const { defineConfig, env } = require('prisma/config');

module.exports = defineConfig({
  schema: path.join(__dirname, 'prisma', 'schema.prisma'),
  experimental: { adapter: true },
  engine: 'js',
  // Instantiates the driver adapter the CLI's JS schema engine uses.
  adapter: async () => {
    const { PrismaPg } = require('@prisma/adapter-pg');
    return new PrismaPg({ connectionString: env('DATABASE_URL') });
  },
});
