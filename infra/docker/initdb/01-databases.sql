-- Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d).
-- One database per service; no service reads another's.
CREATE DATABASE consent;
CREATE DATABASE dsa_registry;
CREATE DATABASE disclosure;
CREATE DATABASE audit;
