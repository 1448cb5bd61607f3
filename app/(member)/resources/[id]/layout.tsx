/** The same messages as a new resource's page (MEMBER_SUBSEGMENTS in lib/i18n/messages.ts). */
export { default } from '../new/layout';
