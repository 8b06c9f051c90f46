/** Micrometer meters of the service. */
package org.greencredit.service.metrics;
