/** Roles, sign-in accounts, pipeline API keys and the rules of who may call what. */
package org.greencredit.service.security;
