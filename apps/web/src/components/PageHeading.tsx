import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';

let isFirstPage = true;

/**
 * The page's h1: names the browser tab, and after a navigation takes focus so screen reader
 * and keyboard users start at the new page rather than at the link they used.
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Pathways`;
  }, [title]);
  // Before the browser paints, so a key pressed on the new page already starts from here.
  useLayoutEffect(() => {
    if (isFirstPage) isFirstPage = false;
    else heading.current?.focus();
  }, []);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children ?? title}
    </h1>
  );
}
