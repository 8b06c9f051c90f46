/** Small helpers shared by the service packages. */
package org.greencredit.service.support;
