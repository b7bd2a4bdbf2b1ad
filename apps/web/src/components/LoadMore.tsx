import { formatQuantity, type Noun } from '../lib/format';

interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  shown: number;
  noun: Noun;
}

/** Keyset pagination: the next page follows the last row shown. */
export function LoadMore({ hasMore, loading, onLoadMore, shown, noun }: LoadMoreProps) {
  return (
    <div className="load-more">
      <span className="muted">
        Showing {formatQuantity(shown, noun)}
        {hasMore ? '' : ' — that is all'}
      </span>
      {hasMore ? (
        <button type="button" className="button" onClick={onLoadMore} disabled={loading}>
          {loading ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
    </div>
  );
}
