export { MemberNotFound as default } from '@/app/(member)/directory/_components/not-found-page';
