/** HTTP concerns shared by all endpoints: problem+json errors and the body size limit. */
package org.greencredit.service.web;
