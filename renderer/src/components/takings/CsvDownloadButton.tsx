import { DownloadButton } from '../DownloadButton.js';

/** The day's or month's figures as a CSV file for the finance spreadsheet. */
export function CsvDownloadButton({ fileName, load }: { fileName: string; load(): Promise<Blob> }) {
  return <DownloadButton fileName={fileName} label="Download CSV" load={load} />;
}
