import type { EffectName } from '../../definitions/effect-catalogue.schema.ts';
import type { LocalizedText } from '../../engine/validation/problem.ts';
import type { OutboxHandler } from './outbox-handler.ts';
import { UndeliverableMessage } from './undeliverable-message.ts';

/**
 * Effects whose adapter this version does not have yet. They are neither dropped nor reported as done: each is
 * parked as a dead letter at once, saying what to configure, so an admin can retry them once it exists.
 */
const missing: Partial<Record<EffectName, LocalizedText>> = {
  sendSms: {
    en: 'No SMS gateway is configured, so this SMS was not sent. Configure an SMS adapter (SMPP or an HTTP gateway), then retry.',
    'zh-CN': '未配置短信网关，此短信未发送。请配置短信适配器（SMPP 或 HTTP 网关）后重试。',
  },
  sendEmail: {
    en: 'No outgoing mail server is configured, so this email was not sent. Configure the SMTP adapter, then retry.',
    'zh-CN': '未配置发信服务器，此邮件未发送。请配置 SMTP 适配器后重试。',
  },
  dial: {
    en: 'No dialer is configured, so this call was not placed. Configure the SIP dialer adapter, then retry.',
    'zh-CN': '未配置外呼系统，此呼叫未发起。请配置 SIP 外呼适配器后重试。',
  },
  webhook: {
    en: 'Webhooks are not delivered by this version, so this one was not sent. Retry after enabling the webhook adapter.',
    'zh-CN': '当前版本不投递 Webhook，此请求未发送。请启用 Webhook 适配器后重试。',
  },
  createTask: {
    en: 'Tasks are not available in this version, so this task was not created. Retry once the task list is installed.',
    'zh-CN': '当前版本尚无任务功能，此任务未创建。请在安装任务列表后重试。',
  },
  createRecord: {
    en: 'Creating records from effects is not available in this version, so the record was not created. Create it by hand, or retry once record creation by effects is installed.',
    'zh-CN': '当前版本尚不支持通过效果创建记录，该记录未创建。请手动创建，或在支持后重试。',
  },
  setField: {
    en: 'Setting fields from effects is not available in this version, so the field was not changed. Change it by hand, or retry once it is installed.',
    'zh-CN': '当前版本尚不支持通过效果修改字段，该字段未修改。请手动修改，或在支持后重试。',
  },
};

/** A handler per effect that has no adapter yet, keyed by topic (`effect.sendSms` …). */
export const unavailableEffectHandlers: Record<string, OutboxHandler> = Object.fromEntries(
  Object.entries(missing).map(([effect, reason]) => [
    `effect.${effect}`,
    async () => {
      throw new UndeliverableMessage(reason);
    },
  ]),
);
