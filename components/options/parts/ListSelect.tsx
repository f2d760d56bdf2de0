import type { JSX } from 'preact';

export type ListScope = number | 'all';

/** A choice of one word list or all of them, as the review and export views offer it. */
export function ListSelect(props: {
  testid: string;
  lists: readonly { id?: number; name: string }[];
  value: ListScope;
  onChange(scope: ListScope): void;
}): JSX.Element {
  return (
    <select
      data-testid={props.testid}
      value={String(props.value)}
      onChange={(e) => {
        const v = e.currentTarget.value;
        props.onChange(v === 'all' ? 'all' : Number(v));
      }}
    >
      <option value="all">All lists</option>
      {props.lists.map((l) => (
        <option key={l.id} value={String(l.id)}>
          {l.name}
        </option>
      ))}
    </select>
  );
}
