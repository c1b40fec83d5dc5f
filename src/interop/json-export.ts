import type { ExportModel } from './export-model.js';

/** The whole map as data, without file positions, with each claim's response status and label. */
export function toJson(model: ExportModel): string {
  return (
    JSON.stringify(
      {
        version: 1,
        sources: model.sources.map((s) => ({
          id: s.id,
          kind: s.kind,
          title: s.title,
          authors: s.authors,
          shortName: s.shortName ?? null,
          signatories: s.signatories,
          date: s.date ?? null,
          dateInferred: s.dateInferred ?? null,
          url: s.url ?? null,
          text: s.text ?? null,
          reportedBy: s.reportedBy ?? null,
          answers: s.answers,
          addressedTo: s.addressedTo,
          note: s.note ?? null,
        })),
        claims: model.claims.map((c) => ({
          id: c.id,
          source: c.sourceId,
          type: c.claimType,
          summary: c.summary,
          quotes: c.quotes,
          locator: c.locator ?? null,
          reportedBy: c.reportedBy ?? null,
          tags: c.tags,
          evidence: c.evidence,
          status: model.status.get(c.id) ?? null,
          label: model.label.get(c.id) ?? null,
          note: c.note ?? null,
        })),
        relations: model.relations.map((r) => ({ from: r.from, to: r.to, kind: r.kind, note: r.note ?? null })),
        evidence: model.evidence.map((e) => ({ id: e.id, kind: e.kind, title: e.title, publisher: e.publisher ?? null, date: e.date ?? null, url: e.url ?? null, note: e.note ?? null })),
      },
      null,
      2,
    ) + '\n'
  );
}
