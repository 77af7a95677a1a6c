/**
 * Simple pictures for the easy-read view, drawn here rather than taken from an emoji font
 * (which not every computer has). Decorative: the words beside them carry the meaning.
 */
const PATHS: Record<string, string> = {
  education: 'M2 9l10-5 10 5-10 5L2 9zm4 3v4c0 1.5 3 3 6 3s6-1.5 6-3v-4l-6 3-6-3zm14-2v6',
  employment: 'M4 8h16v11H4zM9 8V5h6v3M4 13h16',
  health: 'M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.5A4 4 0 0 1 19 10c0 5.5-7 10-7 10zM12 9v6M9 12h6',
  social_care: 'M12 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM5 20c0-4 3-7 7-7s7 3 7 7',
  independent_living: 'M3 11l9-7 9 7M5 10v10h14V10M10 20v-6h4v6',
  community:
    'M8 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM16 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 20c0-3.5 2.5-6 6-6s6 2.5 6 6M12 15c1-0.7 2.4-1 4-1 3.5 0 6 2.5 6 6',
  finance_legal: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM15 8.5a3 3 0 0 0-5 2V16h5M8.5 13h5',
  palliative: 'M12 21c0-6 0-9 4-13-6 1-8 5-8 9M12 21c-1-3-4-5-7-5',
  // Easy Read: a picture beside each point (what it is about, when, who helps, done).
  about: 'M4 5h16v11H9l-5 4V5zM8 9h8M8 12h5',
  when: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5M8 14h3v3H8z',
  helper: 'M12 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM5 21c0-4 3-7 7-7s7 3 7 7M17 9l2 2 3-4',
  done: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM7.5 12.5l3 3 6-6.5',
  not_working: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM9 9l6 6M15 9l-6 6',
  good_health: 'M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.5A4 4 0 0 1 19 10c0 5.5-7 10-7 10z',
  community_inclusion:
    'M8 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM16 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 20c0-3.5 2.5-6 6-6s6 2.5 6 6M12 15c1-0.7 2.4-1 4-1 3.5 0 6 2.5 6 6',
};

export function Icon({ name }: { name: string }) {
  const path = PATHS[name];
  if (!path) return null;
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={path} />
    </svg>
  );
}
