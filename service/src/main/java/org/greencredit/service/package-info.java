/** Spring Boot service around the rating engine, packaged by feature. */
package org.greencredit.service;
