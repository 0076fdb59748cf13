package io.faxgate.access.boundary;

import io.faxgate.fax.boundary.FaxLineView;
import java.util.List;

/** GET /api/v1/me: who the signed-in caller is and what they reach right now. */
public record CallerView(String principal, String kind, String tenant, Long userId, String userName, String email,
                         List<String> roles, List<String> permissions, List<FaxLineView> faxLines) {
}
