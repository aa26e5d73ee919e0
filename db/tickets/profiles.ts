/** Loads mapping profiles (built-in presets or a user's JSON file), validates them and applies --map overrides. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { basename } from 'node:path';
import { sourcesOf } from './compile-source.ts';
import { ProfileSchema, type Profile } from './profile-schema.ts';
import { FIELD_NAMES, type FieldName } from './ticket-fields.ts';
import { ProfileError } from './errors.ts';

const presetDir = fileURLToPath(new URL('./presets/', import.meta.url));

/** Names of the built-in presets (one JSON file each in db/tickets/presets/). */
export function presetNames(): string[] {
  return readdirSync(presetDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => basename(f, '.json'))
    .sort();
}

/** Validates parsed JSON as a profile; errors name the profile and each bad field. */
export function parseProfile(json: unknown, label: string): Profile {
  const parsed = ProfileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`);
  throw new ProfileError(`Invalid mapping profile ${label}:\n${lines.join('\n')}`);
}

/** Parses profile text (JSON) with an error that names the profile. */
export function parseProfileText(text: string, label: string): Profile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ProfileError(`Mapping profile ${label} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  return parseProfile(json, label);
}

/** A built-in preset by name. */
export function loadPreset(name: string): Profile {
  const names = presetNames();
  if (!names.includes(name)) throw new ProfileError(`Unknown preset "${name}"; the presets are: ${names.join(', ')}.`);
  return parseProfileText(readFileSync(`${presetDir}${name}.json`, 'utf8'), `preset ${name}`);
}

/** A user's profile file. */
export function loadProfileFile(file: string): Profile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ProfileError(`Cannot read mapping profile ${file}: ${(err as Error).message}`, { cause: err });
  }
  return parseProfileText(text, file);
}

/**
 * Applies `--map column=field` overrides: the field reads that column, keeping the profile's other settings
 * for the field (date formats, value map, unit) when it had a single source.
 */
export function withMapOverrides(profile: Profile, maps: readonly string[]): Profile {
  if (!maps.length) return profile;
  const fields = { ...profile.fields };
  for (const m of maps) {
    const eq = m.lastIndexOf('=');
    const column = m.slice(0, eq).trim();
    const field = m.slice(eq + 1).trim();
    if (eq < 1 || !column || !field) throw new ProfileError(`--map "${m}" must look like column=field.`);
    if (!(FIELD_NAMES as readonly string[]).includes(field)) {
      throw new ProfileError(`--map "${m}": "${field}" is not a ticket field; the fields are: ${FIELD_NAMES.join(', ')}.`);
    }
    const old = fields[field as FieldName];
    const sources = old ? sourcesOf(old) : [];
    const base = sources.length === 1 ? { ...sources[0], columns: undefined, value: undefined, when: undefined } : {};
    // A column named on the command line must exist: a typo should not silently leave the field empty.
    fields[field as FieldName] = { ...base, column, required: true };
  }
  return { ...profile, fields };
}
