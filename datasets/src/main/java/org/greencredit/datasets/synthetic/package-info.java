/** Seeded synthetic SMEs and farms with a documented default process, for tests, demos, training and benchmarks. */
package org.greencredit.datasets.synthetic;
