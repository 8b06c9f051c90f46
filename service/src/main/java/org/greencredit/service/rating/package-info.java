/** Rating endpoints, service and storage. */
package org.greencredit.service.rating;
