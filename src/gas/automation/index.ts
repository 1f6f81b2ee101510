/** The daily automation (issue 17): the switch, the run, and what is kept between runs. */
export { onAutomationTick } from './run';
export { AUTOMATION_HANDLER } from './status';
export { automationStatus, setAutomation, takeOverAutomation } from './switch';
