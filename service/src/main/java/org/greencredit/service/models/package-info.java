/**
 * Model governance in the service: the registry's active models and their changes (one administrator proposes, another
 * approves, both audited, effective without restart), loan outcomes recorded against ratings, and the comparison of the
 * champion with the challenger that scored the same firms in shadow.
 */
package org.greencredit.service.models;
