import { describeUrl, type ReadyDatabase } from './databases.js';
import { out, paint, seconds } from './output.js';
import { instanceUrl, type Instance } from './replicas.js';

export interface SummaryRow {
  name: string;
  url: string;
  database: string;
}

export interface Summary {
  gatewayUrl: string | null;
  /** `npm run dev`: the web app with hot reload. */
  webDevUrl?: string | null;
  inboxUrl: string | null;
  smtpUrl: string | null;
  services: SummaryRow[];
  admin: { email: string; password: string | null; isDefault: boolean } | null;
  startedInMs: number;
  watch: boolean;
}

/** A row of the start table per instance: its name, where it listens, its database. */
export function summaryRows(
  instances: readonly Instance[],
  databases: readonly ReadyDatabase[],
): SummaryRow[] {
  return instances.map((instance) => {
    const database = databases.find((db) => db.owner === instance.service.name);
    return {
      name: instance.name,
      url: instanceUrl(instance),
      database: database
        ? `${describeUrl(database.url)}${database.source === 'embedded' ? ' (embedded)' : ''}`
        : '—',
    };
  });
}

function table(rows: string[][]): string[] {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('   ')
      .trimEnd(),
  );
}

/** What a person needs once everything answers: where to go, and how long it took. */
export function printSummary(summary: Summary): void {
  const lines: string[] = [];
  const heading =
    summary.services.length > 0
      ? 'Slotwise is running'
      : 'Infrastructure is running (no service to run yet)';
  lines.push(
    paint(
      'bold',
      `${heading} — started in ${seconds(summary.startedInMs)}${summary.watch ? ' (watch mode)' : ''}`,
    ),
  );
  lines.push('');
  const places: string[][] = [];
  if (summary.gatewayUrl) {
    places.push(['Gateway', summary.gatewayUrl]);
    places.push(['Swagger UI', `${summary.gatewayUrl}/api/docs`]);
  }
  if (summary.webDevUrl) places.push(['Web app (hot reload)', summary.webDevUrl]);
  if (summary.inboxUrl)
    places.push(['MailDev inbox', `${summary.inboxUrl}   (SMTP ${summary.smtpUrl ?? ''})`]);
  else if (summary.smtpUrl) places.push(['SMTP', summary.smtpUrl]);
  lines.push(...table(places).map((line) => `  ${line}`));
  if (summary.services.length > 0) {
    lines.push('');
    const rows = [
      ['service', 'url', 'database'],
      ...summary.services.map((s) => [s.name, s.url, s.database]),
    ];
    lines.push(...table(rows).map((line, index) => `  ${index === 0 ? paint('dim', line) : line}`));
  }
  if (summary.admin) {
    lines.push('');
    const password = summary.admin.password ?? '(from ADMIN_PASSWORD)';
    lines.push(`  Admin login     ${summary.admin.email} / ${password}`);
    if (summary.admin.isDefault) {
      lines.push(
        paint(
          'yellow',
          '  ⚠ local defaults (generated into .data/secrets.json): set ADMIN_EMAIL / ADMIN_PASSWORD anywhere else',
        ),
      );
    }
  }
  lines.push('');
  lines.push(paint('dim', '  Ctrl-C stops everything (a second Ctrl-C forces).'));
  out.line('');
  for (const line of lines) out.line(line);
  out.line('');
}
