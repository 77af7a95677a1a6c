import { PATHWAYS } from '@pathways/engine';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlannedMilestone } from '../api/queries.ts';
import { formatDay } from '../lib/format.ts';
import {
  birthdayAt,
  dateOnTimeline,
  FIRST_AGE,
  LAST_AGE,
  lanesOf,
  minimumGap,
  positionOf,
  stackRows,
} from '../lib/timeline.ts';
import { STATUS_SYMBOL } from './StatusBadge.tsx';
import { MilestoneDetails } from './MilestoneDetails.tsx';

const AGES = Array.from({ length: LAST_AGE - FIRST_AGE + 1 }, (_, index) => FIRST_AGE + index);

/**
 * Ages 14 to 25 left to right, one lane per pathway, today marked. Each milestone is a button
 * whose name says what, status, when and who leads; choosing it shows the details below.
 */
export function Timeline({
  milestones,
  dateOfBirth,
  today,
  actions,
}: {
  milestones: PlannedMilestone[];
  dateOfBirth: string;
  today: string;
  actions?: (milestone: PlannedMilestone) => React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = milestones.find((milestone) => milestone.id === selectedId) ?? null;
  const todayAt = positionOf(today, dateOfBirth);
  const lanes = lanesOf(milestones, PATHWAYS);
  const grid = useRef<HTMLDivElement>(null);
  const trackWidth = useTrackWidth(grid);
  const minGap = minimumGap(trackWidth);

  return (
    <figure className="timeline" aria-labelledby="timeline-caption">
      <figcaption id="timeline-caption">
        <strong>{t('plan.timeline')}</strong> <span className="muted">{t('plan.timelineHelp')}</span>
      </figcaption>
      <div className="timeline-grid" ref={grid}>
        <div className="timeline-axis" aria-hidden="true">
          {AGES.map((age) => (
            <span
              key={age}
              className="timeline-age"
              style={{ left: `${positionOf(birthdayAt(dateOfBirth, age), dateOfBirth)}%` }}
            >
              {age}
            </span>
          ))}
        </div>
        <ul className="timeline-lanes">
          {lanes.map((lane) => {
            const positions = lane.milestones.map((milestone) =>
              positionOf(dateOnTimeline(milestone) as string, dateOfBirth),
            );
            const rows = stackRows(positions, minGap);
            return (
              <li
                key={lane.pathway}
                className="timeline-lane"
                style={{ height: `${(Math.max(...rows) + 1) * 2.3 + 0.4}rem` }}
              >
                <span className="timeline-lane-name" id={`lane-${lane.pathway}`}>
                  {t(`pathways.${lane.pathway}`)}
                </span>
                <ul className="timeline-track" aria-labelledby={`lane-${lane.pathway}`}>
                  {lane.milestones.map((milestone, index) => {
                    const date = dateOnTimeline(milestone) as string;
                    return (
                      <li
                        key={milestone.id}
                        style={{ left: `${positions[index]}%`, top: `${(rows[index] ?? 0) * 2.3 + 0.3}rem` }}
                        className="timeline-point"
                      >
                        <button
                          type="button"
                          className={`timeline-marker status-${milestone.status}`}
                          aria-pressed={milestone.id === selectedId}
                          aria-label={t('plan.milestoneLabel', {
                            title: milestone.staffTitle,
                            status: t(`status.${milestone.status}`),
                            date: formatDay(date, i18n.language),
                            lead: t(`agencies.${milestone.leadAgency}`, { defaultValue: milestone.leadAgency }),
                          })}
                          title={milestone.staffTitle}
                          onClick={() => setSelectedId(milestone.id === selectedId ? null : milestone.id)}
                        >
                          <span aria-hidden="true">{STATUS_SYMBOL[milestone.status]}</span>
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </li>
            );
          })}
        </ul>
        <div className="timeline-overlay" aria-hidden="true">
          <div className="timeline-today" style={{ left: `${todayAt}%` }}>
            <span>{t('plan.today')}</span>
          </div>
        </div>
      </div>
      <div aria-live="polite">
        {selected && <MilestoneDetails milestone={selected} actions={actions?.(selected)} />}
      </div>
    </figure>
  );
}

/** The width of the timeline's tracks in pixels, kept up to date as the window changes. */
function useTrackWidth(grid: React.RefObject<HTMLDivElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const track = grid.current?.querySelector('.timeline-track');
    if (!track) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry ? entry.contentRect.width : null));
    observer.observe(track);
    return () => observer.disconnect();
  }, [grid]);
  return width;
}
