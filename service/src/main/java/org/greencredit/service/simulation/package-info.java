/**
 * The what-if sandbox: rate a changed request without storing, auditing or counting it, and show
 * how its decision differs from a stored rating.
 */
package org.greencredit.service.simulation;
