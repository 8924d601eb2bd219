import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCapture, type SmtpCapture } from '../src/smtp-capture.js';

describe('SMTP capture', () => {
  let smtp: SmtpCapture;
  beforeAll(async () => {
    smtp = await startSmtpCapture();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it('receives a real SMTP delivery and parses it', async () => {
    const mailer = createTransport(smtp.url);
    await mailer.sendMail({
      from: 'Slotwise <no-reply@slotwise.local>',
      to: 'Ann@Example.com',
      subject: 'Your code',
      text: 'Code: 123456',
      html: '<p>Code: <b>123456</b></p>',
      attachments: [
        { filename: 'a.ics', content: 'BEGIN:VCALENDAR', contentType: 'text/calendar' },
      ],
    });
    const mail = await smtp.waitFor('ann@example.com');
    expect(mail).toMatchObject({ subject: 'Your code', text: expect.stringContaining('123456') });
    expect(mail.html).toContain('<b>123456</b>');
    expect(mail.attachments[0]).toMatchObject({ filename: 'a.ics' });
  });

  it('refuses deliveries with a temporary error while down', async () => {
    smtp.setDown(true);
    const mailer = createTransport(smtp.url);
    await expect(
      mailer.sendMail({ from: 'a@b.c', to: 'down@example.com', subject: 's', text: 't' }),
    ).rejects.toMatchObject({ responseCode: 421 });
    smtp.setDown(false);
    expect(smtp.refused).toBe(1);
  });
});
