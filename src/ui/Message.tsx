import { usePlayground } from '../store/playground';

/** The latest problem or news (fallbacks, loads), until dismissed or replaced. */
export function Message() {
  const message = usePlayground((s) => s.message);
  const dismiss = usePlayground((s) => s.dismissMessage);
  if (!message) return null;
  return (
    <div
      role={message.kind === 'info' ? 'status' : 'alert'}
      className={`message ${message.kind}`}
      data-testid="message"
      data-kind={message.kind}
    >
      <p>{message.text}</p>
      <button type="button" className="small" onClick={dismiss} aria-label="Dismiss message">
        ×
      </button>
    </div>
  );
}
