/** Picks the profile an import uses from --preset / --mapping (exactly one) and applies --map overrides. */
import { ProfileError } from './errors.ts';
import type { Profile } from './profile-schema.ts';
import { loadPreset, loadProfileFile, parseProfileText, withMapOverrides } from './profiles.ts';

export interface ProfileChoice {
  preset?: string;
  /** A mapping profile file path. */
  mapping?: string;
  /** A mapping profile's JSON text (an uploaded file), named by mappingName. */
  mappingText?: string;
  mappingName?: string;
  maps?: readonly string[];
}

export function resolveProfile(choice: ProfileChoice): { profile: Profile; label: string } {
  const given = [choice.preset, choice.mapping, choice.mappingText].filter((v) => v !== undefined && v !== '');
  if (given.length !== 1) throw new ProfileError('Give exactly one of --preset NAME or --mapping FILE.json.');
  let profile: Profile;
  let label: string;
  if (choice.preset) {
    profile = loadPreset(choice.preset);
    label = `preset ${choice.preset}`;
  } else if (choice.mapping) {
    profile = loadProfileFile(choice.mapping);
    label = choice.mapping;
  } else {
    label = choice.mappingName ?? 'mapping';
    profile = parseProfileText(choice.mappingText!, label);
  }
  return { profile: withMapOverrides(profile, choice.maps ?? []), label };
}
