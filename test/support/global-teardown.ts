import { dropTemplateDatabase } from '@arbiter/testing';

export default async function globalTeardown(): Promise<void> {
  await dropTemplateDatabase();
}
