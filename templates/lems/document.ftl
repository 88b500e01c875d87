<#-- A self-contained LEMS document. Prints the view model only; every decision is made in Java. -->
<#import "component-type.ftl" as ct>
<#import "component.ftl" as comp>
<?xml version="1.0" encoding="UTF-8"?>
<Lems xmlns="http://www.neuroml.org/lems/0.7.6"
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
      xsi:schemaLocation="http://www.neuroml.org/lems/0.7.6 https://raw.githubusercontent.com/LEMS/LEMS/master/Schemas/LEMS/LEMS_v0.7.6.xsd">
<#if doc.target()??>

    <Target component="${doc.target()}"/>
</#if>
<#if doc.dimensions()?has_content>

<#list doc.dimensions() as d>
    <Dimension name="${d.name()}"<#list d.exponents() as e> ${e.name()}="${e.value()}"</#list>/>
</#list>
</#if>
<#if doc.units()?has_content>

<#list doc.units() as u>
    <Unit symbol="${u.symbol()}" dimension="${u.dimension()}" power="${u.power()}"<#if u.scale()??> scale="${u.scale()}"</#if><#if u.offset()??> offset="${u.offset()}"</#if>/>
</#list>
</#if>
<#list doc.componentTypes() as type>

<@ct.componentType type/>
</#list>
<#list doc.components() as c>

<@comp.component c "    "/>
</#list>

</Lems>
