import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readDeliveryFilters, writeDeliveryFilters, type DeliveryFilters } from './url-filters';

/** Filters live only in the address: shareable, kept on reload, and every change is a step Back can undo. */
export function useDeliveryFilters(): [DeliveryFilters, (next: DeliveryFilters) => void] {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  // Keyed on the string so an unrelated re-render does not make new filters (and a new query key object).
  const filters = useMemo(() => readDeliveryFilters(new URLSearchParams(search)), [search]);
  const setFilters = useCallback((next: DeliveryFilters) => setParams(writeDeliveryFilters(next)), [setParams]);
  return [filters, setFilters];
}
