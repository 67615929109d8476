/** Tenancy: clients (tenants), their API keys, and who may see what. */
package io.columnline.adapters.http.tenancy;
