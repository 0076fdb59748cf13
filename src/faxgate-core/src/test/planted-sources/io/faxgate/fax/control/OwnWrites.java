// Planted counter-example for RulesCatchViolationsTest: the owner writing its own tables passes.
package io.faxgate.fax.control;

class OwnWrites {

    void own(EntityManager em, long groupId) {
        em.createNativeQuery("DELETE FROM fax_line_group_binding WHERE security_group_id = ?").setParameter(1, groupId).executeUpdate();
        em.createNativeQuery("""
                UPDATE fax SET status = 'FAILED'
                """, Long.class).executeUpdate();
        em.createNativeQuery("UPDATE fax_document SET content = ? WHERE created_at < ?"
                + " AND id NOT IN (SELECT f.document_id FROM fax f)").executeUpdate();
        em.createQuery("delete from FaxLine l where l.tenantId = :t").executeUpdate();
        em.createNamedQuery(CarrierDelivery.PURGE_BEFORE).executeUpdate();
    }
}
