<#-- One <ComponentType>, members in the order of the LEMS 0.7.6 schema. -->
<#macro described x><#if x.description()??> description="${x.description()}"</#if></#macro>
<#macro componentType type>
    <ComponentType name="${type.name()}"<@described type/>>
<#list type.parameters() as p>
        <Parameter name="${p.name()}" dimension="${p.dimension()}"<@described p/>/>
</#list>
<#list type.constants() as k>
        <Constant name="${k.name()}" dimension="${k.dimension()}" value="${k.value()}"/>
</#list>
<#list type.children() as ch>
        <Children name="${ch.name()}" type="${ch.type()}"/>
</#list>
<#list type.componentReferences() as r>
        <ComponentReference name="${r.name()}" type="${r.type()}"/>
</#list>
<#list type.eventPorts() as port>
        <EventPort name="${port.name()}" direction="${port.direction()}"/>
</#list>
<#list type.exposures() as e>
        <Exposure name="${e.name()}" dimension="${e.dimension()}"<@described e/>/>
</#list>
<#list type.paths() as path>
        <Path name="${path}"/>
</#list>
<#list type.texts() as text>
        <Text name="${text}"/>
</#list>
<#if type.dynamics()??>
<#assign dyn = type.dynamics()>
        <Dynamics>
<#list dyn.stateVariables() as sv>
            <StateVariable name="${sv.name()}" dimension="${sv.dimension()}"<#if sv.exposure()??> exposure="${sv.exposure()}"</#if>/>
</#list>
<#list dyn.derivedVariables() as dv>
            <DerivedVariable name="${dv.name()}" dimension="${dv.dimension()}"<#if dv.exposure()??> exposure="${dv.exposure()}"</#if> value="${dv.value()}"/>
</#list>
<#list dyn.conditionalDerivedVariables() as cdv>
            <ConditionalDerivedVariable name="${cdv.name()}" dimension="${cdv.dimension()}"<#if cdv.exposure()??> exposure="${cdv.exposure()}"</#if>>
<#list cdv.cases() as c>
                <Case<#if c.condition()??> condition="${c.condition()}"</#if> value="${c.value()}"/>
</#list>
            </ConditionalDerivedVariable>
</#list>
<#list dyn.timeDerivatives() as td>
            <TimeDerivative variable="${td.variable()}" value="${td.value()}"/>
</#list>
<#if dyn.onStart()?has_content>
            <OnStart>
<#list dyn.onStart() as a>
                <StateAssignment variable="${a.variable()}" value="${a.value()}"/>
</#list>
            </OnStart>
</#if>
<#list dyn.onConditions() as oc>
            <OnCondition test="${oc.test()}">
<#list oc.assignments() as a>
                <StateAssignment variable="${a.variable()}" value="${a.value()}"/>
</#list>
<#list oc.eventOuts() as port>
                <EventOut port="${port}"/>
</#list>
            </OnCondition>
</#list>
        </Dynamics>
</#if>
<#if type.simulation()??>
<#assign sim = type.simulation()>
        <Simulation>
<#list sim.records() as q>
            <Record quantity="${q}"/>
</#list>
<#list sim.runs() as run>
            <Run component="${run.component()}" variable="${run.variable()}" increment="${run.increment()}" total="${run.total()}"/>
</#list>
<#list sim.dataWriters() as w>
            <DataWriter path="${w.path()}" fileName="${w.fileName()}"/>
</#list>
        </Simulation>
</#if>
    </ComponentType>
</#macro>
