package io.faxgate.fax.boundary;

import io.faxgate.platform.boundary.NotFoundException;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * One page of a line's faxes at a time, newest first, straight from {@link FaxFacade#faxesOnLine}: the facade decides
 * access on every page, so a line the caller no longer reaches yields no rows (and {@link #isLineLost()}), never an
 * error page.
 */
public class FaxLazyModel extends LazyDataModel<FaxView> {

    private static final long serialVersionUID = 1L;

    private final FaxFacade faxes;
    private Long lineId;
    private boolean lineLost;

    public FaxLazyModel(FaxFacade faxes) {
        this.faxes = faxes;
    }

    /** Shows this line's faxes from now on ({@code null}: none). */
    public void showLine(Long lineId) {
        this.lineId = lineId;
        this.lineLost = false;
    }

    public Long getLineId() {
        return lineId;
    }

    /** The facade answered "not found" for the line: the caller lost it since the page was drawn. */
    public boolean isLineLost() {
        return lineLost;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        FaxPage page = page(0, 1);
        return page == null ? 0 : (int) Math.min(Integer.MAX_VALUE, page.total());
    }

    @Override
    public List<FaxView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        FaxPage page = page(first, Math.max(1, Math.min(pageSize, FaxFacade.MAX_PAGE_SIZE)));
        if (page == null) {
            setRowCount(0);
            return List.of();
        }
        setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
        return page.faxes();
    }

    private FaxPage page(int first, int max) {
        if (lineId == null) {
            return null;
        }
        try {
            return faxes.faxesOnLine(lineId, first, max);
        } catch (NotFoundException gone) { // an application exception: never wrapped by the container
            lineLost = true;
            return null;
        }
    }

    @Override
    public String getRowKey(FaxView fax) {
        return Long.toString(fax.id());
    }

    @Override
    public FaxView getRowData(String rowKey) {
        List<FaxView> rows = getWrappedData();
        return rows == null ? null : rows.stream().filter(f -> Long.toString(f.id()).equals(rowKey)).findFirst().orElse(null);
    }
}
