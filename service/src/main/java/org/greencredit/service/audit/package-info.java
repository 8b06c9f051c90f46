/** The append-only, hash-chained audit log and its verification. */
package org.greencredit.service.audit;
