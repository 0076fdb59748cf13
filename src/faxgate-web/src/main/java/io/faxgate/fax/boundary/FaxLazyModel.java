package io.faxgate.fax.boundary;

import io.faxgate.platform.boundary.NotFoundException;
import io.faxgate.platform.boundary.PagedLazyModel;

/**
 * One page of a line's faxes at a time, newest first, straight from {@link FaxFacade#faxesOnLine}: the facade decides
 * access on every page, so a line the caller no longer reaches yields no rows (and {@link #isLineLost()}), never an
 * error page.
 */
public class FaxLazyModel extends PagedLazyModel<FaxView> {

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
    protected Slice<FaxView> slice(int first, int max) {
        if (lineId == null) {
            return Slice.empty();
        }
        try {
            FaxPage page = faxes.faxesOnLine(lineId, first, max);
            return new Slice<>(page.faxes(), page.total());
        } catch (NotFoundException gone) { // an application exception: never wrapped by the container
            lineLost = true;
            return Slice.empty();
        }
    }

    @Override
    protected int maxPageSize() {
        return FaxFacade.MAX_PAGE_SIZE;
    }

    @Override
    protected long idOf(FaxView fax) {
        return fax.id();
    }
}
