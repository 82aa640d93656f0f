import { prepareTemplateDatabase } from '@arbiter/testing';

/** Once per run: migrate the template database that each test file copies. */
export default async function globalSetup(): Promise<void> {
  await prepareTemplateDatabase();
}
