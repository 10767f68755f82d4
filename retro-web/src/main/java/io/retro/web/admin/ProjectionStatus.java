package io.retro.web.admin;

/**
 * One read model as the admin API shows it: the global sequence its processor has reached, whether
 * it is being rebuilt, and how far the rebuild is (0..1; 1 when not rebuilding).
 */
record ProjectionStatus(String name, Long position, boolean replaying, double progress) {}
