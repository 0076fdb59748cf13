// Planted violations for RulesCatchViolationsTest: read as text by TableOwnershipTest's checks, never compiled.
package io.faxgate.access.control;

class ForeignWrites {

    void nativeOnFaxTables(EntityManager em, long groupId) {
        em.createNativeQuery("DELETE FROM fax_line_group_binding WHERE security_group_id = ?").setParameter(1, groupId).executeUpdate();
        em.createNativeQuery("""
                UPDATE fax SET status = 'FAILED'
                """).executeUpdate();
    }

    void nativeBuiltAtRunTime(EntityManager em, String table) {
        em.createNativeQuery("DELETE FROM " + table).executeUpdate();
        em.createNativeQuery(PURGE_SQL).executeUpdate();
    }

    void bulkJpqlOnDirectoryEntities(EntityManager em) {
        em.createQuery("delete from DirectoryUser u where u.tenantId = :t").executeUpdate();
    }

    void namedWriteOfFax(EntityManager em) {
        em.createNamedQuery(CarrierDelivery.PURGE_BEFORE).executeUpdate();
    }
}
