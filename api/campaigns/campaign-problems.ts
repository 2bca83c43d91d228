import { HttpProblem } from '../http/http-problem.ts';
import { problem } from '../../engine/validation/problem.ts';

export function noSuchCampaign(id: number | string): HttpProblem {
  return new HttpProblem(
    404,
    'not-found',
    { en: 'No such campaign', 'zh-CN': '营销活动不存在' },
    { en: `There is no campaign ${id}.`, 'zh-CN': `营销活动 ${id} 不存在。` },
  );
}

export function campaignNameTaken(): HttpProblem {
  return new HttpProblem(
    409,
    'campaign-name-taken',
    { en: 'Campaign name taken', 'zh-CN': '活动名称已存在' },
    { en: 'A campaign has this name already, whatever the case.', 'zh-CN': '已有同名营销活动（不区分大小写）。' },
    [problem('/name', 'campaign.nameTaken', 'A campaign has this name already.', '已有同名营销活动。')],
  );
}

export const campaignNameConstraint = 'campaign_name_unique';
