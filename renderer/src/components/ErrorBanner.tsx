export function ErrorBanner({ message, lastUpdated }: { message: string; lastUpdated: Date | null }) {
  return (
    <div className="error-banner" role="alert">
      <strong>Problem: </strong>
      {message}
      {lastUpdated && <span> Figures below are from {lastUpdated.toLocaleTimeString()}.</span>}
    </div>
  );
}
