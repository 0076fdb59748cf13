package io.faxgate.platform.boundary;

import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A PrimeFaces lazy table fed one page at a time by a facade that pages (offset/limit) and counts in the database,
 * with rows keyed by their id. Subclasses say how to fetch a slice, the facade's page-size cap, and a row's id.
 */
public abstract class PagedLazyModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** Rows from {@code first} on, and how many there are in all. */
    public record Slice<T>(List<T> rows, long total) {

        public static <T> Slice<T> empty() {
            return new Slice<>(List.of(), 0);
        }
    }

    /** {@code max} is already within 1…{@link #maxPageSize()}. */
    protected abstract Slice<T> slice(int first, int max);

    protected abstract int maxPageSize();

    protected abstract long idOf(T row);

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return clamp(slice(0, 1).total());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        Slice<T> slice = slice(first, Math.max(1, Math.min(pageSize, maxPageSize())));
        setRowCount(clamp(slice.total()));
        return slice.rows();
    }

    @Override
    public String getRowKey(T row) {
        return Long.toString(idOf(row));
    }

    @Override
    public T getRowData(String rowKey) {
        List<T> rows = getWrappedData();
        return rows == null ? null : rows.stream().filter(r -> getRowKey(r).equals(rowKey)).findFirst().orElse(null);
    }

    private static int clamp(long total) {
        return (int) Math.min(Integer.MAX_VALUE, total);
    }
}
