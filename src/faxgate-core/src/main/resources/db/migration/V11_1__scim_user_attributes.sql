-- Issue 16: attributes of the SCIM User schemas that Faxgate does not use itself (title, phone numbers, addresses,
-- the enterprise extension's department, manager, employeeNumber, …) are kept as sent and returned, never dropped.
ALTER TABLE directory_user ADD COLUMN scim_attributes TEXT;
