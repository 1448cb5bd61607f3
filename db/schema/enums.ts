import { SECTORS, TLP_MARKINGS } from '../values';
import { pgEnum } from 'drizzle-orm/pg-core';

export { SECTORS };
export type Sector = (typeof SECTORS)[number];
export const sectorEnum = pgEnum('sector', SECTORS);

export const ROLES = ['member', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const roleEnum = pgEnum('role', ROLES);

export const USER_STATUSES = ['unverified', 'pending', 'active', 'rejected', 'suspended'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
export const userStatusEnum = pgEnum('user_status', USER_STATUSES);

export const ORGANISATION_STATUSES = ['proposed', 'active', 'inactive', 'rejected'] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];
export const organisationStatusEnum = pgEnum('organisation_status', ORGANISATION_STATUSES);

export const TOKEN_KINDS = ['verify_email', 'reset_password', 'change_email'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];
export const tokenKindEnum = pgEnum('token_kind', TOKEN_KINDS);

export const SECOND_FACTOR_KINDS = ['totp', 'webauthn'] as const;
export type SecondFactorKind = (typeof SECOND_FACTOR_KINDS)[number];
export const secondFactorKindEnum = pgEnum('second_factor_kind', SECOND_FACTOR_KINDS);

/** A focal point's word on an application from their organisation (issue 15). */
export const ENDORSEMENTS = ['endorsed', 'declined'] as const;
export type Endorsement = (typeof ENDORSEMENTS)[number];
export const endorsementEnum = pgEnum('endorsement', ENDORSEMENTS);

/** TLP 2.0 markings of threads and resources (decision 030). */
export { TLP_MARKINGS };
export type TlpMarking = (typeof TLP_MARKINGS)[number];
export const tlpMarkingEnum = pgEnum('tlp_marking', TLP_MARKINGS);
