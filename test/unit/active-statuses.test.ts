import * as assert from 'node:assert/strict';
import { ACTIVE_STATUSES, isActive, isActiveStatus } from '../../src/core/activeStatuses';

describe('active statuses', () => {
  it('are investigating, identified and monitoring', () => {
    assert.deepEqual([...ACTIVE_STATUSES], ['investigating', 'identified', 'monitoring']);
  });

  it('leave out closed, unknown and missing statuses', () => {
    for (const status of ['resolved', 'reviewed', 'Investigating', 'open', '', undefined]) assert.equal(isActiveStatus(status), false, String(status));
    assert.equal(isActive({ status: 'monitoring' }), true);
    assert.equal(isActive({ status: undefined }), false);
  });
});
