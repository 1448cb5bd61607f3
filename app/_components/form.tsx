// The one place next/form is imported (eslint.config.mjs): every other module takes Form from here.
// eslint-disable-next-line no-restricted-imports
import NextForm from 'next/form';
import type { ComponentProps } from 'react';

/** next/form (a GET form that navigates in the browser) without prefetching its action, as Link (./link.tsx). */
export default function Form(props: ComponentProps<typeof NextForm>) {
  return <NextForm prefetch={false} {...props} />;
}
