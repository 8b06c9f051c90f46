/** Demo data loaded on the first start. */
package org.greencredit.service.demo;
