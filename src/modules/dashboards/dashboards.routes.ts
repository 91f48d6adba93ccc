import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { withErrors } from '../../http/schemas.js';
import { communityPicture } from './community.service.js';
import { coordinatorHome, memberHome, responderHome } from './home.service.js';
import { renderMonthlyPdf } from './monthly-pdf.js';
import { monthlyReportData } from './monthly-report.service.js';
import { publicPageData, requirePublicPage } from './public.service.js';
import { PUBLIC_CSS, renderPublicPage } from './public-page.js';
import * as s from './dashboards.schema.js';

const tags = ['dashboards'];

export function dashboardRoutes(db: Database, deps: AppDeps) {
  const { config } = deps;
  return async function routes(app: FastifyInstance) {
    app.get('/api/dashboards/member', {
      config: { access: 'user' },
      schema: { tags, summary: 'Member home: my organisations\' open reports and deadlines, advisories since my last visit, indicators we sighted', response: withErrors({ 200: s.AnyObject }) },
    }, async (request) => memberHome(db, config, request.ctx));

    app.get('/api/dashboards/coordinator', {
      config: { access: 'user' },
      schema: { tags, summary: 'Coordinator home: triage queue with response-time status, reviews waiting, campaign candidates, over-correlating values, publications (coordinators)', response: withErrors({ 200: s.AnyObject }) },
    }, async (request) => coordinatorHome(db, config, request.ctx));

    app.get('/api/dashboards/responder', {
      config: { access: 'user' },
      schema: { tags, summary: 'Responder home: the community\'s latest advisories (responders)', response: withErrors({ 200: s.AnyObject }) },
    }, async (request) => responderHome(db, config, request.ctx));

    app.get<{ Querystring: s.CommunityQueryT }>('/api/dashboards/community', {
      config: { access: 'user' },
      schema: { tags, summary: 'The community picture: incidents by month and category, sector, size band; advisories by TLP; most-sighted indicators; all under the k rule', querystring: s.CommunityQuery, response: withErrors({ 200: s.CommunityPicture }) },
    }, async (request) => communityPicture(db, config, request.ctx, request.query));

    app.get<{ Querystring: s.MonthQueryT }>('/api/dashboards/monthly-report.pdf', {
      config: { access: 'user' },
      schema: { tags, summary: 'The monthly report as PDF: the community (and my organisations, for members); ja by default, lang=en', querystring: s.MonthQuery },
    }, async (request, reply) => {
      const locale = request.query.lang ?? request.ctx.locale;
      const pdf = await renderMonthlyPdf(await monthlyReportData(db, config, request.ctx, request.query.month, locale), config);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="anshin-${request.query.month}-${locale}.pdf"`).header('cache-control', 'no-store').send(pdf);
    });

    app.get<{ Querystring: s.MonthQueryT }>('/api/dashboards/monthly-report', {
      config: { access: 'user' },
      schema: { tags, summary: 'The monthly report\'s content as JSON (what the PDF and the printable page show)', querystring: s.MonthQuery, response: withErrors({ 200: s.AnyObject }) },
    }, async (request) => monthlyReportData(db, config, request.ctx, request.query.month, request.query.lang ?? request.ctx.locale));

    // The public page: no sign-in, only with PUBLIC_PAGE=true; otherwise it does not exist (404).
    app.get<{ Querystring: { lang?: string } }>('/public', {
      config: { access: 'public' },
      schema: { tags, summary: 'The public page (HTML, PUBLIC_PAGE=true): TLP:CLEAR advisories, the contact directory, statistics under the k rule', querystring: s.LangQuery },
    }, async (request, reply) => {
      const data = await publicPageData(db, config);
      const html = renderPublicPage(data, request.query.lang === 'en' ? 'en' : 'ja', config.deskName);
      return reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=60').send(html);
    });

    app.get('/public/style.css', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
      requirePublicPage(config);
      return reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(PUBLIC_CSS);
    });
  };
}
