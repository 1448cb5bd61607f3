'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { MentionBox } from '@/app/(member)/threads/_components/mention-box';
import { OrganisationCombobox } from '@/app/_components/organisation-combobox';
import { TlpLabel } from '@/app/_components/tlp-label';
import { Button } from '@/app/_components/ui/button';
import { TLP_MARKINGS, type TlpMarking } from '@/lib/values';

interface Named {
  id: string;
  name: string;
}

export interface MarkingInitial {
  marking: TlpMarking;
  organisations: Named[];
  people: Named[];
}

/** A chosen list with a remove button each, and its hidden fields. */
function ChosenList({ name, items, onRemove, label }: { name: string; items: Named[]; onRemove: (item: Named) => void; label: string }) {
  const t = useTranslations('common.tlp');
  if (!items.length) return null;
  return (
    <ul className="flex flex-wrap gap-2" aria-label={label}>
      {items.map((item) => (
        <li key={item.id} className="flex items-center gap-1 rounded-full bg-brand-50 ps-3 pe-1 text-sm">
          <input type="hidden" name={name} value={item.id} />
          <bdi className="font-medium">{item.name}</bdi>
          <Button variant="ghost" className="min-h-8 px-2" aria-label={t('remove', { name: item.name })} onClick={() => onRemove(item)}>
            <span aria-hidden>×</span>
          </Button>
        </li>
      ))}
    </ul>
  );
}

/**
 * The TLP marking of a new or edited thread or resource (decision 030): the five markings with what each
 * means, the organisations an AMBER marking adds (type-ahead over member organisations) and the people a
 * RED marking names (type-ahead over the directory). The server checks and narrows what is sent
 * (lib/dal/markings.ts); lists the chosen marking does not use are ignored.
 */
export function MarkingFields({
  initial = { marking: 'green', organisations: [], people: [] },
  errors,
  subject,
}: {
  initial?: MarkingInitial;
  errors?: Record<string, string[] | undefined>;
  subject: 'thread' | 'resource';
}) {
  const t = useTranslations('common.tlp');
  const id = useId();
  const [marking, setMarking] = useState<TlpMarking>(initial.marking);
  const [organisations, setOrganisations] = useState<Named[]>(initial.organisations);
  const [people, setPeople] = useState<Named[]>(initial.people);
  const [announce, setAnnounce] = useState('');
  const add = (list: Named[], item: Named) => (list.some((x) => x.id === item.id) ? list : [...list, item]);
  const fieldErrors = [...(errors?.marking ?? []), ...(errors?.markingOrganisations ?? []), ...(errors?.markingPeople ?? [])];
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium text-slate-800">{t('legend')}</legend>
      <p className="text-sm text-slate-600">{t(subject === 'thread' ? 'hintThread' : 'hintResource')}</p>
      <div className="space-y-2">
        {TLP_MARKINGS.map((m) => (
          <div key={m} className="flex items-start gap-2">
            <input
              type="radio"
              id={`${id}-${m}`}
              name="marking"
              value={m}
              checked={marking === m}
              onChange={() => setMarking(m)}
              aria-describedby={`${id}-${m}-hint`}
              className="mt-1 size-4"
            />
            <label htmlFor={`${id}-${m}`} className="text-sm">
              <TlpLabel marking={m} />
              <span id={`${id}-${m}-hint`} className="ms-2 text-slate-700">
                {t(`meaning.${m}`)}
              </span>
            </label>
          </div>
        ))}
      </div>
      {marking === 'amber' ? (
        <div className="space-y-2">
          <ChosenList
            name="markingOrganisations"
            items={organisations}
            label={t('organisationsChosen')}
            onRemove={(o) => {
              setOrganisations((list) => list.filter((x) => x.id !== o.id));
              setAnnounce(t('removed', { name: o.name }));
            }}
          />
          <OrganisationCombobox
            id={`${id}-orgs`}
            name="markingOrganisations"
            endpoint="/api/organisations/lookup"
            labels={{
              search: t('organisations'),
              hint: t('organisationsHint'),
              noMatch: t('noOrganisation'),
              change: t('change'),
              chosen: (name) => name,
              results: (count) => t('results', { count }),
            }}
            onChoose={(o) => {
              setOrganisations((list) => add(list, o));
              setAnnounce(t('added', { name: o.name }));
            }}
          />
        </div>
      ) : null}
      {marking === 'red' ? (
        <div className="space-y-2">
          <ChosenList
            name="markingPeople"
            items={people}
            label={t('peopleChosen')}
            onRemove={(p) => {
              setPeople((list) => list.filter((x) => x.id !== p.id));
              setAnnounce(t('removed', { name: p.name }));
            }}
          />
          <MentionBox
            lookup={{ path: '/messages/people', params: {}, label: t('people'), hint: t('peopleHint'), none: t('noPerson') }}
            onPick={(p) => {
              setPeople((list) => add(list, p));
              setAnnounce(t('added', { name: p.name }));
            }}
          />
        </div>
      ) : null}
      {fieldErrors.length ? (
        <p className="text-sm text-red-700" role="alert">
          {fieldErrors.join(' ')}
        </p>
      ) : null}
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
    </fieldset>
  );
}
