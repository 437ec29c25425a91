/** `npm run staff -- <command>`: manage staff accounts from the server's shell. Run with no command for help. */
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../common/admin.js';
import { DISTRICT_IDS, STAFF_ROLES, type StaffRole } from '../../common/taxonomy.js';
import type { Database } from '../db/schema.js';
import { findStaffByEmail, insertStaff, listStaff, setPassword, updateStaff } from '../admin/staff.repository.js';
import { newTotpSecret, totpFor } from '../core/auth.js';
import { CliError, cliConfig, generatePassword, runCli, withDatabase } from './common.js';

const USAGE = `Usage: npm run staff -- <command> [options]

  add --email E --name N --role ROLE [--district D] [--password P]
        ROLE is one of ${STAFF_ROLES.join(', ')}; D is a district number (1-18).
        Without --password a password is generated and printed. Admins get a TOTP secret.
  list
  disable --email E          blocks sign-in and ends the member's sessions
  enable --email E
  reset-password --email E   [--password P] prints a new generated password unless given
  reset-totp --email E       new authenticator secret (prints the otpauth:// URI)

Uses DATABASE_URL like the server does.`;

const usage = (msg: string) => new CliError(`${msg}\n\n${USAGE}`, 2);

function checkPassword(p: string) {
  if (p.length < PASSWORD_MIN || p.length > PASSWORD_MAX) throw usage(`--password must be ${PASSWORD_MIN}-${PASSWORD_MAX} characters`);
  return p;
}

async function existing(db: Kysely<Database>, email: string | undefined) {
  if (!email) throw usage('--email is required');
  const user = await findStaffByEmail(db, email);
  if (!user) throw new CliError(`no staff member with e-mail ${email}`);
  return user;
}

const printTotp = (email: string, secret: string) =>
  console.log(`TOTP secret: ${secret}\notpauth URI: ${totpFor(email, secret).toString()}\n(add it to an authenticator app; admins need the code to sign in)`);

runCli(async () => {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    if (!command) process.exitCode = 2;
    return;
  }
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({ args: rest, options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, district: { type: 'string' }, password: { type: 'string' } } }));
  } catch (err) {
    throw usage((err as Error).message);
  }
  const config = cliConfig();

  await withDatabase(config, async ({ db }) => {
    switch (command) {
      case 'add': {
        const { email, name, role, district } = values;
        if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw usage('--email must be an e-mail address');
        if (!name?.trim()) throw usage('--name is required');
        if (!role || !(STAFF_ROLES as readonly string[]).includes(role)) throw usage(`--role must be one of ${STAFF_ROLES.join(', ')}`);
        const districtId = district === undefined ? null : Number(district);
        if (districtId !== null && !DISTRICT_IDS.includes(districtId)) throw usage(`--district must be one of ${DISTRICT_IDS.join(', ')}`);
        const password = values.password === undefined ? generatePassword() : checkPassword(values.password);
        const { id, totpSecret } = await insertStaff(db, { email, name: name.trim(), role: role as StaffRole, district: districtId, password });
        console.log(`Added ${role} ${email.toLowerCase()} (id ${id}${districtId ? `, district ${districtId}` : ''})`);
        if (values.password === undefined) console.log(`Password: ${password}`);
        if (totpSecret) printTotp(email.toLowerCase(), totpSecret);
        return;
      }
      case 'list': {
        const rows = await listStaff(db);
        if (!rows.length) return console.log('No staff yet. Add one: npm run staff -- add --email … --name … --role admin');
        console.log(['email', 'name', 'role', 'district', 'totp', 'status', 'last login'].join('\t'));
        for (const u of rows) console.log([u.email, u.name, u.role, u.district ?? '-', u.totp_secret ? 'yes' : 'no', u.disabled ? 'disabled' : 'active', u.last_login_at ?? 'never'].join('\t'));
        return;
      }
      case 'disable':
      case 'enable': {
        const user = await existing(db, values.email);
        await updateStaff(db, user.id, { disabled: command === 'disable' });
        console.log(`${command === 'disable' ? 'Disabled' : 'Enabled'} ${user.email}`);
        return;
      }
      case 'reset-password': {
        const user = await existing(db, values.email);
        const password = values.password === undefined ? generatePassword() : checkPassword(values.password);
        await setPassword(db, user.id, password);
        console.log(`New password for ${user.email}${values.password === undefined ? `: ${password}` : ' set'} (their sessions were ended)`);
        return;
      }
      case 'reset-totp': {
        const user = await existing(db, values.email);
        const secret = newTotpSecret();
        await updateStaff(db, user.id, { totp_secret: secret });
        await db.deleteFrom('staff_session').where('staff_id', '=', user.id).execute();
        console.log(`New TOTP secret for ${user.email} (their sessions were ended)`);
        printTotp(user.email, secret);
        return;
      }
      default:
        throw usage(`unknown command "${command}"`);
    }
  });
});
