import { useEffect, useState } from 'react';
import { AdminApiError } from '../../api/transport.js';
import { useActionsDisabled } from '../../data/agent-state.js';
import { useApi } from '../../data/ApiProvider.js';
import { fetchedAt } from '../../data/query-client.js';
import { useReport, useVersions } from '../../data/queries.js';
import { formatDay, todayIn, yesterdayIn } from '../../days.js';
import { formatTime } from '../../format.js';
import { useStoreTimeZone } from '../../hooks/useStoreTimeZone.js';
import { ErrorBanner } from '../ErrorBanner.js';
import { CsvDownloadButton } from './CsvDownloadButton.js';
import { DayPicker } from './DayPicker.js';
import { ExplainingLines } from './ExplainingLines.js';
import { ReportSummary } from './ReportSummary.js';
import { TenderTable } from './TenderTable.js';
import { VersionSelect } from './VersionSelect.js';

/** Finance: one trading day's kiosk takings against Stok.ly, by tender, with the differences explained. */
export function TakingsView({ initialDay }: { initialDay?: string } = {}) {
  const api = useApi();
  const off = useActionsDisabled();
  const { timeZone, learn } = useStoreTimeZone();
  const [picked, setPicked] = useState<string | null>(initialDay ?? null);
  const [version, setVersion] = useState<number | null>(null);
  const today = todayIn(timeZone);
  const yesterday = yesterdayIn(timeZone);
  // Until someone picks a day, follow "yesterday" (it moves once the store's time zone is known).
  const day = picked ?? yesterday;

  // Opening a day makes the agent build it (reading Stok.ly): a past day is loaded once and on
  // "Check again"; only today, still trading, is re-checked by itself.
  const loaded = useReport(day, version, day === today);
  const versions = useVersions(day);

  const report = loaded.data?.report;
  const shown = report && report.day === day && (version === null || report.version === version) ? report : null;
  const versionList = versions.data && versions.data.day === day ? versions.data.versions : null;

  useEffect(() => {
    if (shown) learn(shown.timeZone);
  }, [shown, learn]);

  // A build that found new figures made a new version: list it.
  const { refetch: refetchVersions } = versions;
  const missing = shown !== null && versionList !== null && !versionList.some((v) => v.version === shown.version);
  useEffect(() => {
    if (missing) void refetchVersions();
  }, [missing, refetchVersions]);

  const pick = (next: string): void => {
    setPicked(next);
    setVersion(null);
  };

  const error = loaded.error;
  const notFound = error instanceof AdminApiError && error.status === 404;
  return (
    <section aria-labelledby="takings-heading">
      <h2 id="takings-heading">Takings: {formatDay(day)}</h2>
      <div className="takings-controls">
        <DayPicker day={day} today={today} yesterday={yesterday} timeZone={timeZone} onPick={pick} />
        {versionList && versionList.length > 0 && <VersionSelect versions={versionList} selected={version} onSelect={setVersion} />}
        {shown && (
          <CsvDownloadButton
            fileName={`reconciliation-${shown.storeId.replace(/[^A-Za-z0-9._-]/g, '_')}-${shown.day}-v${shown.version}.csv`}
            load={() => api.csv(day, version ?? shown.version)}
          />
        )}
        {version === null && (
          <button type="button" className="button-secondary" disabled={off} onClick={() => void loaded.refetch()}>Check again now</button>
        )}
      </div>
      {error && notFound && (
        <div className="notice-inline" role="status">
          <p><strong>No takings report for this day.</strong></p>
          <p className="subtle">The agent said: {error.message}</p>
        </div>
      )}
      {error && !notFound && <ErrorBanner message={error.message} lastUpdated={shown ? fetchedAt(loaded) : null} />}
      {!shown && !error && <p role="status">Building the report (the agent reads Stok.ly)…</p>}
      {shown && loaded.data?.stale && (
        <div className="notice-inline notice-warn" role="status">
          <p><strong>Not re-checked:</strong> Stok.ly could not be read, so this is the version stored at {formatTime(shown.checkedAt)}.</p>
          <p className="subtle">{loaded.data.stale}</p>
        </div>
      )}
      {shown && version !== null && (
        <div className="notice-inline notice-warn" role="status">
          <p>
            <strong>An earlier version:</strong> version {shown.version} as built {formatTime(shown.builtAt)}, kept unchanged.{' '}
            <button type="button" className="button-link" onClick={() => setVersion(null)}>Show the latest</button>
          </p>
        </div>
      )}
      {shown && (
        <>
          <ReportSummary report={shown} />
          {/* A day with no money moved: the summary says so; empty tables would only add zeros. */}
          {(shown.currency !== null || shown.lines.length > 0) && (
            <>
              <TenderTable report={shown} />
              <ExplainingLines report={shown} />
            </>
          )}
        </>
      )}
    </section>
  );
}
